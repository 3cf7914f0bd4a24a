// The HTML report's charts as hand-written inline SVG (no chart library, nothing to fetch): pass
// rate per provider with a Wilson 95% whisker, the score histogram and latency per case, each with
// the exact numbers in its description and tooltips. Colours come from the page's CSS classes.
import type { CaseResult } from '../eval-run.js';
import { wilsonInterval } from '../statistics.js';
import { truncateToWidth } from './display-width.js';
import {
  countStatuses,
  formatInterval,
  formatPercent,
  groupByProvider,
  isScored,
} from './report-format.js';
import {
  CHART_WIDTH as WIDTH,
  renderLabel,
  renderLine,
  renderRect,
  renderSvg,
} from './svg-elements.js';

const EMPTY = (y: number): string => renderLabel(WIDTH / 2, y, 'No cases to show', 'middle');

/** Horizontal bars, one per provider: pass rate over decided cases, whisker = Wilson 95% interval. */
export function renderPassRateChart(results: readonly CaseResult[]): string {
  const left = 190;
  const plot = 340;
  const rowHeight = 34;
  const groups = [...groupByProvider(results)];
  const height = 48 + Math.max(1, groups.length) * rowHeight;
  const x = (rate: number): number => left + rate * plot;
  const body: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    body.push(renderLine(x(tick), 8, x(tick), height - 28, 'grid'));
    body.push(renderLabel(x(tick), height - 10, formatPercent(tick, 0), 'middle'));
  }
  const summaries: string[] = [];
  groups.forEach(([provider, cases], index) => {
    const counts = countStatuses(cases);
    const rate = counts.decided === 0 ? 0 : counts.passed / counts.decided;
    const interval = wilsonInterval(counts.passed, counts.decided);
    const y = 14 + index * rowHeight;
    const centre = y + 10;
    const text = `${provider}: ${formatPercent(rate)} (${counts.passed}/${counts.decided}), 95% CI ${formatInterval(interval)}`;
    summaries.push(text);
    body.push(renderRect(left, y, rate * plot, 20, 'bar bar-passed', text));
    body.push(renderLine(x(interval[0]), centre, x(interval[1]), centre, 'whisker'));
    body.push(renderLine(x(interval[0]), centre - 6, x(interval[0]), centre + 6, 'whisker'));
    body.push(renderLine(x(interval[1]), centre - 6, x(interval[1]), centre + 6, 'whisker'));
    body.push(renderLabel(left - 8, centre + 4, truncateToWidth(provider, 26), 'end'));
    body.push(
      renderLabel(
        left + plot + 10,
        centre + 4,
        `${formatPercent(rate)} (${counts.passed}/${counts.decided})`,
        'start',
      ),
    );
  });
  if (groups.length === 0) body.push(EMPTY(32));
  const description = summaries.length > 0 ? summaries.join('; ') : 'No cases.';
  return renderSvg(
    'chart-pass-rate',
    'Pass rate per provider, with 95% Wilson interval',
    description,
    height,
    body,
  );
}

/** Ten bins of the case scores of passed and failed cases (errors score 0 by rule and are left out). */
export function renderScoreHistogram(results: readonly CaseResult[]): string {
  const scores = results.filter(isScored).map((result) => result.score);
  const bins = Array.from({ length: 10 }, () => 0);
  for (const score of scores) {
    // Scores below 0 (cosine) or above 1 go into the end bins rather than vanish.
    const bin = Math.min(9, Math.max(0, Math.floor(score * 10)));
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  const left = 40;
  const plot = WIDTH - left - 20;
  const top = 20;
  const plotHeight = 150;
  const height = top + plotHeight + 34;
  const binWidth = plot / 10;
  const max = Math.max(1, ...bins);
  const body: string[] = [
    renderLine(left, top + plotHeight, left + plot, top + plotHeight, 'axis'),
  ];
  bins.forEach((count, index) => {
    const barHeight = (count / max) * plotHeight;
    const x = left + index * binWidth;
    const range = `${(index / 10).toFixed(1)}–${((index + 1) / 10).toFixed(1)}`;
    body.push(
      renderRect(
        x + 2,
        top + plotHeight - barHeight,
        binWidth - 4,
        barHeight,
        'bar bar-score',
        `score ${range}: ${count} case${count === 1 ? '' : 's'}`,
      ),
    );
    if (count > 0)
      body.push(
        renderLabel(x + binWidth / 2, top + plotHeight - barHeight - 4, String(count), 'middle'),
      );
  });
  for (let tick = 0; tick <= 10; tick += 2) {
    body.push(
      renderLabel(left + tick * binWidth, top + plotHeight + 16, (tick / 10).toFixed(1), 'middle'),
    );
  }
  if (scores.length === 0) body.push(EMPTY(top + plotHeight / 2));
  const description = `Scores of ${scores.length} passed or failed cases in ten bins from 0 to 1: ${bins.join(', ')}.`;
  return renderSvg('chart-scores', 'Score distribution', description, height, body);
}

/** One bar per case that ran, slowest first, coloured by status. */
export function renderLatencyChart(results: readonly CaseResult[]): string {
  const ran = results
    .filter((result) => result.status !== 'cancelled')
    .sort((a, b) => b.latencyMs - a.latencyMs);
  const left = 64;
  const plot = WIDTH - left - 20;
  const top = 16;
  const plotHeight = 150;
  const height = top + plotHeight + 30;
  const max = Math.max(1, ...ran.map((result) => result.latencyMs));
  const slot = plot / Math.max(1, ran.length);
  const body: string[] = [
    renderLine(left, top + plotHeight, left + plot, top + plotHeight, 'axis'),
    renderLine(left, top, left + plot, top, 'grid'),
    renderLabel(left - 6, top + 4, `${Math.round(max)} ms`, 'end'),
    renderLabel(left - 6, top + plotHeight + 4, '0 ms', 'end'),
    renderLabel(
      left + plot / 2,
      top + plotHeight + 22,
      `${ran.length} cases, slowest first`,
      'middle',
    ),
  ];
  ran.forEach((result, index) => {
    const barHeight = Math.max(1, (result.latencyMs / max) * plotHeight);
    const gap = slot > 6 ? 2 : 0;
    const tip = `${result.description} [${result.provider}] ${result.status}: ${Math.round(result.latencyMs)} ms`;
    body.push(
      renderRect(
        left + index * slot + gap / 2,
        top + plotHeight - barHeight,
        slot - gap,
        barHeight,
        `bar bar-${result.status}`,
        tip,
      ),
    );
  });
  if (ran.length === 0) body.push(EMPTY(top + plotHeight / 2));
  // Sorted slowest first; with an even count the median is the mean of the two middle cases.
  const middle = [ran[Math.floor((ran.length - 1) / 2)], ran[Math.ceil((ran.length - 1) / 2)]];
  const median = ((middle[0]?.latencyMs ?? 0) + (middle[1]?.latencyMs ?? 0)) / 2;
  const description =
    ran.length === 0
      ? 'No cases ran.'
      : `Latency of ${ran.length} cases: slowest ${Math.round(max)} ms, median ${Math.round(median)} ms.`;
  return renderSvg('chart-latency', 'Latency per case', description, height, body);
}
