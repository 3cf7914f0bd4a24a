// The live loss curve `ai-ft follow` draws on a terminal: training loss per step as `•`,
// validation loss as `o`, on a small text grid that is redrawn in place as metrics events arrive.
// Written by hand: a chart library for a few lines of characters is not worth a dependency.
import type { JobEvent } from '../jobs/job-types.js';

export interface LossPoint {
  step: number;
  train: number;
  valid?: number;
}

/** A metrics event's point, if it carries a step and a finite training loss. */
export function lossPointOf(event: JobEvent): LossPoint | undefined {
  const data = event.type === 'metrics' ? event.data : undefined;
  const step = Number(data?.step);
  const train = Number(data?.train_loss);
  if (!Number.isFinite(step) || !Number.isFinite(train)) return undefined;
  const valid = Number(data?.valid_loss);
  return { step, train, ...(Number.isFinite(valid) && data?.valid_loss != null ? { valid } : {}) };
}

/** The chart as lines: a header, `height` rows of marks with the loss range on the left, the steps. */
export function lossChart(
  points: readonly LossPoint[],
  options: { width?: number; height?: number } = {},
): string[] {
  const { width = 48, height = 8 } = options;
  if (points.length === 0) return ['waiting for the first step…'];
  // One column per point, or per bucket of points (its last point) when there are more than fit.
  const columns = Math.min(width, points.length);
  const picked = Array.from(
    { length: columns },
    (_, c) => points[Math.floor(((c + 1) * points.length) / columns) - 1] as LossPoint,
  );
  const values = picked.flatMap((p) => (p.valid === undefined ? [p.train] : [p.train, p.valid]));
  const top = Math.max(...values);
  const bottom = Math.min(...values);
  const row = (v: number) =>
    top === bottom ? height - 1 : Math.round(((top - v) / (top - bottom)) * (height - 1));
  const grid = Array.from({ length: height }, () => Array<string>(columns).fill(' '));
  picked.forEach((p, c) => {
    if (p.valid !== undefined) (grid[row(p.valid)] as string[])[c] = 'o';
    (grid[row(p.train)] as string[])[c] = '•';
  });
  const last = points.at(-1) as LossPoint;
  const label = (v: number) => v.toFixed(3).padStart(7);
  return [
    `step ${last.step}  train ${last.train.toFixed(4)}` +
      (last.valid === undefined ? '' : `  valid ${last.valid.toFixed(4)}`),
    ...grid.map(
      (cells, r) =>
        `${r === 0 ? label(top) : r === height - 1 ? label(bottom) : ' '.repeat(7)} │${cells.join('')}`,
    ),
    `${' '.repeat(8)}└${'─'.repeat(columns)}`,
    `${' '.repeat(9)}step ${(points[0] as LossPoint).step} … ${last.step}   • train  o valid`,
  ];
}
