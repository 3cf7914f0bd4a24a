import { describe, expect, it } from 'vitest';
import { invalidInputField, repeatBattles } from './__fixtures__/leaderboard-fixtures.js';
import type { BattleWinner } from './battles.js';
import { computeBattleCountMatrix, computeWinFractionMatrix } from './matrices.js';

const repeat = (n: number, modelA: string, modelB: string, winner: BattleWinner) =>
  repeatBattles(n, winner, modelA, modelB);

// a–b: a wins 3 (once as B), b wins 1, 1 tie, 1 both-bad. b–c: b wins 2. a and c never met.
const battles = [
  ...repeat(2, 'a', 'b', 'A'),
  ...repeat(1, 'b', 'a', 'B'),
  ...repeat(1, 'a', 'b', 'B'),
  ...repeat(1, 'b', 'a', 'tie'),
  ...repeat(1, 'a', 'b', 'both-bad'),
  ...repeat(2, 'c', 'b', 'B'),
];

describe('computeWinFractionMatrix', () => {
  it('orders models by rating and counts ties as half by default', () => {
    const { models, fractions } = computeWinFractionMatrix(battles);
    expect(models).toEqual(['a', 'b', 'c']);
    // a over b: (3 + 2/2) / 6 = 2/3; b over a: (1 + 1) / 6 = 1/3, so the two add up to 1.
    expect(fractions).toEqual([
      [null, 4 / 6, null],
      [2 / 6, null, 1],
      [null, 0, null],
    ]);
  });

  it('can exclude ties, or count them as no one’s win like FastChat', () => {
    const excluded = computeWinFractionMatrix(battles, { ties: 'exclude' }).fractions;
    expect(excluded[0]![1]).toBe(3 / 4);
    expect(excluded[1]![0]).toBe(1 / 4);
    const noWin = computeWinFractionMatrix(battles, { ties: 'no-win' }).fractions;
    expect(noWin[0]![1]).toBe(3 / 6);
    expect(noWin[1]![0]).toBe(1 / 6);
  });

  it('follows a given order, possibly a subset', () => {
    const { models, fractions } = computeWinFractionMatrix(battles, { order: ['c', 'b'] });
    expect(models).toEqual(['c', 'b']);
    expect(fractions).toEqual([
      [null, 0],
      [1, null],
    ]);
  });

  it('rejects unknown or repeated models and unknown tie handling', () => {
    expect(invalidInputField(() => computeWinFractionMatrix(battles, { order: ['a', 'x'] }))).toBe(
      'order[1]',
    );
    expect(() => computeWinFractionMatrix(battles, { order: ['a', 'a'] })).toThrow(/repeats 'a'/);
    expect(
      invalidInputField(() => computeWinFractionMatrix(battles, { ties: 'drop' as never })),
    ).toBe('ties');
  });
});

describe('computeBattleCountMatrix', () => {
  it('counts battles per pair in either position, symmetric, in rating order', () => {
    expect(computeBattleCountMatrix(battles)).toEqual({
      models: ['a', 'b', 'c'],
      counts: [
        [0, 6, 0],
        [6, 0, 2],
        [0, 2, 0],
      ],
    });
  });
});
