// The live loss curve as a hand-drawn SVG (as the trainer's report charts): train and validation
// loss per step, a frame, tick labels on both axes, axis titles and a legend. Attributes only (no
// inline style), so the page's CSP needs no 'unsafe-inline'. Redrawn whole on every new point.
import type { MetricPoint } from '../api/types.js';
import { svg } from '../dom.js';
import { t } from '../i18n/i18n.js';

const W = 720;
const H = 320;
const LEFT = 60;
const RIGHT = 130;
const TOP = 16;
const BOTTOM = 46;

function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const step = 10 ** Math.floor(Math.log10((max - min) / count));
  const unit =
    [1, 2, 5, 10].map((m) => m * step).find((s) => (max - min) / s <= count) ?? step * 10;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / unit) * unit; v <= max + unit * 1e-9; v += unit)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

const label = (value: number) => String(Number(value.toPrecision(3)));

type Pair = [number, number];

export function lossChart(points: readonly MetricPoint[]): SVGSVGElement {
  const train: Pair[] = points.map((p) => [p.step, p.trainLoss]);
  const valid: Pair[] = points.flatMap((p) =>
    typeof p.validLoss === 'number' ? [[p.step, p.validLoss] as Pair] : [],
  );
  const all = [...train, ...valid].filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xs = all.length ? all.map((p) => p[0]) : [0, 1];
  const ys = all.length ? all.map((p) => p[1]) : [0, 1];
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y1 === y0) [y0, y1] = [y0 - 0.5, y1 + 0.5];
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const sx = (x: number) => LEFT + ((x - x0) / (x1 - x0)) * plotW;
  const sy = (y: number) => TOP + plotH - ((y - y0) / (y1 - y0)) * plotH;
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: 'img',
    class: 'loss-chart',
    'aria-label': t('lossChart'),
  });
  chart.append(svg('title', {}, t('lossChart')));
  for (const v of niceTicks(x0, x1).filter((v) => Number.isInteger(v))) {
    const x = sx(v).toFixed(1);
    chart.append(
      svg('line', { x1: x, x2: x, y1: TOP, y2: TOP + plotH, class: 'grid' }),
      svg('text', { x, y: TOP + plotH + 16, 'text-anchor': 'middle', class: 'tick' }, v),
    );
  }
  for (const v of niceTicks(y0, y1)) {
    const y = sy(v).toFixed(1);
    chart.append(
      svg('line', { x1: LEFT, x2: LEFT + plotW, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: LEFT - 6, y: sy(v) + 4, 'text-anchor': 'end', class: 'tick' }, label(v)),
    );
  }
  chart.append(
    svg('rect', { x: LEFT, y: TOP, width: plotW, height: plotH, class: 'frame' }),
    svg(
      'text',
      { x: LEFT + plotW / 2, y: H - 8, 'text-anchor': 'middle', class: 'axis-title' },
      t('step'),
    ),
    svg(
      'text',
      {
        transform: `translate(16 ${TOP + plotH / 2}) rotate(-90)`,
        'text-anchor': 'middle',
        class: 'axis-title',
      },
      t('loss'),
    ),
  );
  const series: [string, string, Pair[]][] = [
    ['train-loss', t('trainLoss'), train],
    ['valid-loss', t('validLoss'), valid],
  ];
  series.forEach(([name, title, pairs], index) => {
    const d = pairs
      .map(([x, y], i) => `${i ? 'L' : 'M'}${sx(x).toFixed(1)} ${sy(y).toFixed(1)}`)
      .join(' ');
    const ly = TOP + 14 + index * 20;
    chart.append(
      svg('path', { d: d || undefined, class: `series ${name}`, 'data-points': pairs.length }),
      svg('line', {
        x1: W - RIGHT + 12,
        x2: W - RIGHT + 32,
        y1: ly - 4,
        y2: ly - 4,
        class: `legend ${name}`,
      }),
      svg('text', { x: W - RIGHT + 38, y: ly, class: 'legend-text' }, title),
    );
  });
  return chart;
}
