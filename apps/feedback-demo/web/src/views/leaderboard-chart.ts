// The leaderboard as a hand-drawn SVG: one row per model, its rating as a dot and its interval
// (lower–upper) as whiskers, on a shared axis with tick labels. Drawn with attributes only (no
// inline style), so the page's CSP needs no 'unsafe-inline'.
import type { LeaderboardRow } from '../api/types.js';
import { svg } from '../dom.js';
import { t } from '../i18n/i18n.js';

const WIDTH = 720;
const LABEL_WIDTH = 170;
const RIGHT = 30;
const ROW = 32;
const TOP = 12;
const AXIS = 48;

/** Round tick steps: the smallest giving at most 8 ticks. */
function ticks(min: number, max: number): number[] {
  const span = Math.max(1, max - min);
  const step =
    [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000].find((s) => span / s <= 8) ?? 5000;
  const out: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max; value += step) out.push(value);
  return out;
}

export function leaderboardChart(rows: LeaderboardRow[]): SVGSVGElement {
  const lows = rows.map((row) => Math.min(row.lower, row.rating));
  const highs = rows.map((row) => Math.max(row.upper, row.rating));
  const pad = Math.max(10, (Math.max(...highs) - Math.min(...lows)) * 0.08);
  const min = Math.min(...lows) - pad;
  const max = Math.max(...highs) + pad;
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT;
  const x = (value: number) => LABEL_WIDTH + ((value - min) / (max - min)) * plotWidth;
  const height = TOP + rows.length * ROW + AXIS;
  const axisY = TOP + rows.length * ROW;
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: WIDTH,
    height,
    role: 'img',
    'aria-label': t('chartLabel'),
    class: 'leaderboard-chart',
  });
  chart.append(svg('title', {}, t('chartLabel')));
  for (const value of ticks(min, max)) {
    chart.append(
      svg('line', { x1: x(value), x2: x(value), y1: TOP, y2: axisY, class: 'grid' }),
      svg('text', { x: x(value), y: axisY + 16, 'text-anchor': 'middle', class: 'tick' }, value),
    );
  }
  chart.append(
    svg('line', { x1: LABEL_WIDTH, x2: WIDTH - RIGHT, y1: axisY, y2: axisY, class: 'axis' }),
    svg(
      'text',
      {
        x: LABEL_WIDTH + plotWidth / 2,
        y: axisY + 38,
        'text-anchor': 'middle',
        class: 'axis-title',
      },
      t('chartAxis'),
    ),
  );
  rows.forEach((row, index) => {
    const y = TOP + index * ROW + ROW / 2;
    chart.append(
      svg(
        'g',
        { class: 'model-row', 'data-model': row.model },
        svg(
          'title',
          {},
          `${row.model}: ${row.rating.toFixed(0)} (${row.lower.toFixed(0)}–${row.upper.toFixed(0)})`,
        ),
        svg(
          'text',
          { x: LABEL_WIDTH - 10, y: y + 4, 'text-anchor': 'end', class: 'label' },
          row.model,
        ),
        svg('line', { x1: x(row.lower), x2: x(row.upper), y1: y, y2: y, class: 'whisker' }),
        svg('line', { x1: x(row.lower), x2: x(row.lower), y1: y - 6, y2: y + 6, class: 'whisker' }),
        svg('line', { x1: x(row.upper), x2: x(row.upper), y1: y - 6, y2: y + 6, class: 'whisker' }),
        svg('circle', { cx: x(row.rating), cy: y, r: 5, class: 'dot' }),
      ),
    );
  });
  return chart;
}
