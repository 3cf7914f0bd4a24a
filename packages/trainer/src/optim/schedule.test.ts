// Warmup + cosine, global-norm clipping and gradient accumulation, against hand-computed values.
import { describe, expect, it } from 'vitest';
import { clipGlobalNorm, GradientAccumulator, warmupCosine } from './schedule.js';

describe('warmupCosine', () => {
  const schedule = { peak: 1e-3, warmupSteps: 10, totalSteps: 110 };

  it('rises linearly, peaks, then follows the cosine down to the floor', () => {
    expect(warmupCosine(0, schedule)).toBeCloseTo(1e-4, 12);
    expect(warmupCosine(9, schedule)).toBeCloseTo(1e-3, 12);
    expect(warmupCosine(10, schedule)).toBeCloseTo(1e-3, 12);
    // Half way through the decay: floor + (peak − floor)·½ = 1e-4 + 4.5e-4.
    expect(warmupCosine(60, schedule)).toBeCloseTo(5.5e-4, 12);
    expect(warmupCosine(110, schedule)).toBeCloseTo(1e-4, 12);
    expect(warmupCosine(500, schedule)).toBeCloseTo(1e-4, 12);
  });

  it('refuses a warmup longer than the run', () => {
    expect(() => warmupCosine(0, { peak: 1, warmupSteps: 5, totalSteps: 3 })).toThrow(
      /warmupSteps/,
    );
  });
});

describe('clipGlobalNorm', () => {
  it('scales all gradients together to the maximum norm and reports the norm before', () => {
    const a = Float32Array.from([3]);
    const b = Float32Array.from([4]);
    expect(clipGlobalNorm([a, b], 1)).toBeCloseTo(5, 6);
    expect([a[0], b[0]].map((value) => Number(value?.toFixed(6)))).toEqual([0.6, 0.8]);
    const small = Float32Array.from([0.1, 0.2]);
    clipGlobalNorm([small], 1);
    expect([...small].map((value) => Number(value.toFixed(6)))).toEqual([0.1, 0.2]);
  });
});

describe('GradientAccumulator', () => {
  it('gives the mean of micro-batch gradients, then starts over', () => {
    const accumulator = new GradientAccumulator();
    accumulator.add(new Map([['w', Float32Array.from([1, 2])]]));
    accumulator.add(new Map([['w', Float32Array.from([3, 4])]]));
    expect([...(accumulator.mean().get('w') ?? [])]).toEqual([2, 3]);
    accumulator.add(new Map([['w', Float32Array.from([5, 5])]]));
    expect([...(accumulator.mean().get('w') ?? [])]).toEqual([5, 5]);
  });
});
