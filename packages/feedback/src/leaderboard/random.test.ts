import { describe, expect, it } from 'vitest';
import { createRandom, logFactorial, sampleBinomial, sampleMultinomial } from './random.js';

describe('createRandom', () => {
  it('repeats its stream for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(1)) expect(value).toSatisfy((v: number) => v >= 0 && v < 1);
  });
});

describe('logFactorial', () => {
  it('matches a direct sum on both sides of the table', () => {
    let sum = 0;
    for (let k = 1; k <= 1000; k++) {
      sum += Math.log(k);
      if (k === 10 || k === 255 || k === 256 || k === 1000) {
        expect(logFactorial(k)).toBeCloseTo(sum, 9);
      }
    }
    expect(logFactorial(0)).toBe(0);
  });
});

describe('sampleBinomial', () => {
  const moments = (n: number, p: number, draws: number) => {
    const random = createRandom(5);
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < draws; i++) {
      const x = sampleBinomial(n, p, random);
      if (!Number.isInteger(x) || x < 0 || x > n) outside++;
      sum += x;
      squares += x * x;
    }
    const mean = sum / draws;
    return { mean, variance: squares / draws - mean * mean, outside };
  };

  it('has mean np and variance np(1−p), for small and large n and for p above ½', () => {
    // 20,000 draws: the sample mean's standard error is 0.7% of the sd, the variance's ~1%.
    for (const [n, p] of [
      [20, 0.3],
      [1000, 0.3],
      [100_000, 0.002],
      [500, 0.9],
    ] as const) {
      const { mean, variance, outside } = moments(n, p, 20_000);
      expect(outside).toBe(0);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan(0.04 * sd);
      expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
      expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
    }
  });

  it('handles the edges', () => {
    const random = createRandom(1);
    expect(sampleBinomial(0, 0.5, random)).toBe(0);
    expect(sampleBinomial(10, 0, random)).toBe(0);
    expect(sampleBinomial(10, 1, random)).toBe(10);
  });
});

describe('sampleMultinomial', () => {
  it('draws exactly n, nothing in empty cells, in proportion to the weights', () => {
    const weights = Float64Array.from([100, 0, 300, 600]);
    const out = new Float64Array(4);
    const totals = new Float64Array(4);
    const random = createRandom(9);
    for (let round = 0; round < 2000; round++) {
      sampleMultinomial(1000, weights, random, out);
      expect(out.reduce((sum, x) => sum + x, 0)).toBe(1000);
      expect(out[1]).toBe(0);
      out.forEach((x, k) => (totals[k]! += x));
    }
    // 2,000,000 draws in all: shares within 0.2 percentage points.
    expect(totals[0]! / 2e6).toBeCloseTo(0.1, 2);
    expect(totals[2]! / 2e6).toBeCloseTo(0.3, 2);
    expect(totals[3]! / 2e6).toBeCloseTo(0.6, 2);
  });
});
