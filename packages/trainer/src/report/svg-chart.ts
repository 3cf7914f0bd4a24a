// Line charts as standalone SVG (loss curves, the optimizer comparison, the scaling sweep):
// written by hand because a chart library would pull a DOM or a canvas into a Node package for
// what is a few polylines, ticks and a legend. Every label is escaped.
export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  logX?: boolean;
  logY?: boolean;
  width?: number;
  height?: number;
  /** Extra lines under the title (a fitted exponent, "toy scale"…). */
  notes?: readonly string[];
}

const COLOURS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#17becf',
  '#e377c2',
];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const step = 10 ** Math.floor(Math.log10((max - min) / count));
  const unit =
    [1, 2, 5, 10].map((m) => m * step).find((s) => (max - min) / s <= count) ?? step * 10;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / unit) * unit; t <= max + unit * 1e-9; t += unit)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function format(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(1);
  return String(Number(value.toPrecision(4)));
}

export function lineChart(options: ChartOptions): string {
  const { width = 720, height = 420, series, logX = false, logY = false } = options;
  const notes = options.notes ?? [];
  const left = 70;
  const right = 170;
  const top = 40 + notes.length * 16;
  const bottom = 50;
  const fx = (x: number) => (logX ? Math.log10(x) : x);
  const fy = (y: number) => (logY ? Math.log10(y) : y);
  const points = series
    .flatMap((s) => s.points)
    .filter(([x, y]) => Number.isFinite(fx(x)) && Number.isFinite(fy(y)));
  const xs = points.map(([x]) => fx(x));
  const ys = points.map(([, y]) => fy(y));
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (!points.length) [x0, x1, y0, y1] = [0, 1, 0, 1];
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) y1 = y0 + 1;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const sx = (x: number) => left + ((fx(x) - x0) / (x1 - x0)) * plotW;
  const sy = (y: number) => top + plotH - ((fy(y) - y0) / (y1 - y0)) * plotH;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${left}" y="22" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`,
    ...notes.map(
      (note, i) => `<text x="${left}" y="${40 + i * 16}" fill="#555">${escapeXml(note)}</text>`,
    ),
    `<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
  ];
  const xTicks = logX
    ? niceTicks(Math.floor(x0), Math.ceil(x1)).map((e) => 10 ** e)
    : niceTicks(x0, x1);
  const yTicks = logY ? niceTicks(y0, y1).map((e) => 10 ** e) : niceTicks(y0, y1);
  for (const t of xTicks) {
    const x = sx(t);
    if (x < left - 0.5 || x > left + plotW + 0.5) continue;
    out.push(
      `<line x1="${x.toFixed(1)}" y1="${top + plotH}" x2="${x.toFixed(1)}" y2="${top + plotH + 5}" stroke="#999"/>`,
    );
    out.push(
      `<text x="${x.toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">${format(t)}</text>`,
    );
  }
  for (const t of yTicks) {
    const y = sy(t);
    if (y < top - 0.5 || y > top + plotH + 0.5) continue;
    out.push(
      `<line x1="${left}" y1="${y.toFixed(1)}" x2="${left + plotW}" y2="${y.toFixed(1)}" stroke="#eee"/>`,
    );
    out.push(
      `<text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${format(t)}</text>`,
    );
  }
  out.push(
    `<text x="${left + plotW / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(options.xLabel + (logX ? ' (log)' : ''))}</text>`,
  );
  out.push(
    `<text transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel + (logY ? ' (log)' : ''))}</text>`,
  );
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length] as string;
    const valid = s.points.filter(([x, y]) => Number.isFinite(fx(x)) && Number.isFinite(fy(y)));
    if (valid.length > 1)
      out.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="1.6" points="${valid.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>`,
      );
    for (const [x, y] of valid.length <= 12 ? valid : [])
      out.push(
        `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3" fill="${colour}"/>`,
      );
    const ly = top + 14 + i * 18;
    out.push(
      `<line x1="${width - right + 12}" y1="${ly - 4}" x2="${width - right + 32}" y2="${ly - 4}" stroke="${colour}" stroke-width="3"/>`,
    );
    out.push(`<text x="${width - right + 38}" y="${ly}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
