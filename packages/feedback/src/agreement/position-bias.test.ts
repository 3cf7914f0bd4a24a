import { describe, expect, it } from 'vitest';
import { invalidInputField } from './__fixtures__/agreement-fixtures.js';
import type { PairwiseChoice, PairwiseVote } from './pairwise-votes.js';
import { positionBias } from './position-bias.js';

const round4 = ([low, high]: readonly [number, number]): [number, number] => [
  Math.round(low * 1e4) / 1e4,
  Math.round(high * 1e4) / 1e4,
];

/** `counts` votes of each choice, on distinct items, shown in alternating order. */
function votes(counts: Partial<Record<PairwiseChoice, number>>): PairwiseVote[] {
  return Object.entries(counts).flatMap(([choice, count]) =>
    Array.from({ length: count ?? 0 }, (_, i) => ({
      item: `${choice}-${i}`,
      annotator: 'ann-1',
      shown: (i % 2 === 0 ? ['m1', 'm2'] : ['m2', 'm1']) as [string, string],
      choice: choice as PairwiseChoice,
    })),
  );
}

describe('positionBias', () => {
  it('flags a left share whose interval excludes 0.5 (Newcombe 81/263)', () => {
    const report = positionBias(votes({ left: 81, right: 182, tie: 7, 'both-bad': 3 }));
    expect(report).toMatchObject({
      decisive: 263,
      leftWins: 81,
      rightWins: 182,
      ties: 7,
      bothBad: 3,
    });
    expect(report.leftWinShare).toBeCloseTo(81 / 263, 12);
    expect(round4(report.interval)).toEqual([0.2553, 0.3662]);
    expect(report.balanced).toBe(false);
  });

  it('finds no bias when 0.5 is inside the interval', () => {
    const report = positionBias(votes({ left: 15, right: 13 }));
    expect(report.interval[0]).toBeLessThan(0.5);
    expect(report.interval[1]).toBeGreaterThan(0.5);
    expect(report.balanced).toBe(true);
  });

  it('has no share without decisive votes', () => {
    const report = positionBias(votes({ tie: 4 }));
    expect(report.decisive).toBe(0);
    expect(report.leftWinShare).toBeNaN();
    expect(report.interval).toEqual([0, 1]);
  });

  it('throws InvalidInputError for empty or malformed votes', () => {
    expect(invalidInputField(() => positionBias([]))).toBe('votes');
    const [first] = votes({ left: 1 });
    expect(
      invalidInputField(() =>
        positionBias([{ ...(first as PairwiseVote), choice: 'up' as PairwiseChoice }]),
      ),
    ).toBe('votes[0].choice');
  });
});
