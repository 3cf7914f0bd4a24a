import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './ai-errors.js';
import { wilsonInterval } from './wilson-interval.js';

const round4 = ([low, high]: readonly [number, number]): [number, number] => [
  Math.round(low * 1e4) / 1e4,
  Math.round(high * 1e4) / 1e4,
];

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.details[0]?.field;
  }
  return undefined;
};

describe('wilsonInterval', () => {
  it("reproduces Newcombe (1998)'s score intervals (method 3) for his four examples", () => {
    // Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
    // methods", Statistics in Medicine 17:857–872, examples 81/263, 15/148, 0/20 and 1/29.
    expect(round4(wilsonInterval(81, 263))).toEqual([0.2553, 0.3662]);
    expect(round4(wilsonInterval(15, 148))).toEqual([0.0624, 0.1605]);
    expect(round4(wilsonInterval(0, 20))).toEqual([0, 0.1611]);
    expect(round4(wilsonInterval(1, 29))).toEqual([0.0061, 0.1718]);
  });

  it('is [0, 1] without observations and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(fieldOf(() => wilsonInterval(3, 2))).toBe('successes');
    expect(fieldOf(() => wilsonInterval(1, 2, 0))).toBe('z');
  });
});
