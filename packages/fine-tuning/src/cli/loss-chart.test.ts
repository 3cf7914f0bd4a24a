import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../jobs/job-types.js';
import { lossChart, lossPointOf } from './loss-chart.js';

const metrics = (data: Record<string, unknown>): JobEvent => ({
  id: 'e',
  createdAt: 0,
  level: 'info',
  message: '',
  type: 'metrics',
  data,
});

describe('the follow loss chart', () => {
  it('draws a falling loss from the top-left to the bottom-right, validation beside it', () => {
    const points = [4, 3, 2.5, 2, 1.8, 1.5].map((train, i) => ({
      step: i + 1,
      train,
      ...(i % 2 ? { valid: train + 1 } : {}),
    }));
    const lines = lossChart(points, { height: 6 });
    expect(lines[0]).toBe('step 6  train 1.5000  valid 2.5000');
    const rows = lines.slice(1, 7).map((line) => line.split('│')[1] as string);
    expect(rows[0]?.[0]).toBe('•'); // the first step's 4.0 is the top
    expect(rows[5]?.[5]).toBe('•'); // the last step's 1.5 is the bottom
    expect(rows.join('').split('o')).toHaveLength(4); // three validation points
    expect(lines[1]).toMatch(/^ {2}4\.000 │/);
    expect(lines[6]).toMatch(/^ {2}1\.500 │/);
    expect(lines.at(-1)).toContain('step 1 … 6');
  });

  it('fits many steps into the width, and copes with one step or a flat loss', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ step: i + 1, train: 5 - i / 100 }));
    const lines = lossChart(many, { width: 40, height: 5 });
    for (const line of lines.slice(1, 6)) expect(line.split('│')[1]).toHaveLength(40);
    expect(lines[0]).toBe('step 500  train 0.0100');
    expect(lossChart([{ step: 1, train: 2 }], { height: 3 })[3]).toContain('•');
    expect(lossChart([])).toEqual(['waiting for the first step…']);
  });

  it('reads points only from metrics events with a step and a finite loss', () => {
    expect(lossPointOf(metrics({ step: 3, train_loss: 1.25, valid_loss: 1.5 }))).toEqual({
      step: 3,
      train: 1.25,
      valid: 1.5,
    });
    expect(lossPointOf(metrics({ step: 3, train_loss: 1.25, valid_loss: null }))).toEqual({
      step: 3,
      train: 1.25,
    });
    expect(lossPointOf(metrics({ step: 3 }))).toBeUndefined();
    expect(
      lossPointOf({ ...metrics({ step: 1, train_loss: 1 }), type: 'message' }),
    ).toBeUndefined();
  });
});
