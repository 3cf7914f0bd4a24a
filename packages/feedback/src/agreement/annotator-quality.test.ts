import { describe, expect, it } from 'vitest';
import { invalidInputField, vote } from './__fixtures__/agreement-fixtures.js';
import { assessAnnotators, flagFastVotes, type GoldAnswer } from './annotator-quality.js';
import type { PairwiseChoice, PairwiseVote } from './pairwise-votes.js';

// Candidates x < y, so x is A. Canonical outcomes per item:
//   q1: a1 A, a2 A, a3 A, a4 B    q2: a1 B, a2 B    q3: a1 tie, a4 both-bad    q4: a1 A
const VOTES: PairwiseVote[] = [
  vote('q1', 'a1', ['x', 'y'], 'left', 5000),
  vote('q1', 'a2', ['y', 'x'], 'right'),
  vote('q1', 'a3', ['x', 'y'], 'left'),
  vote('q1', 'a4', ['y', 'x'], 'left', 800),
  vote('q2', 'a1', ['y', 'x'], 'left', 900),
  vote('q2', 'a2', ['x', 'y'], 'right'),
  vote('q3', 'a1', ['x', 'y'], 'tie'),
  vote('q3', 'a4', ['x', 'y'], 'both-bad', 500),
  vote('q4', 'a1', ['y', 'x'], 'right', 3000),
];

describe('assessAnnotators', () => {
  const gold: Record<string, GoldAnswer> = { q4: { winner: 'x' }, q2: 'tie', unused: 'tie' };
  const rows = assessAnnotators(VOTES, { gold, minDurationMs: 1000 });
  const row = (annotator: string) => rows.find((entry) => entry.annotator === annotator);

  it('returns one row per annotator, sorted', () => {
    expect(rows.map((entry) => [entry.annotator, entry.votes])).toEqual([
      ['a1', 4],
      ['a2', 2],
      ['a3', 1],
      ['a4', 2],
    ]);
  });

  it('compares with the strict majority of the other annotators, skipping items without one', () => {
    // a1: q1 others A A B → A (agree); q2 other B (agree); q3 other both-bad (disagree); q4 alone.
    expect(row('a1')?.consensus).toEqual({ compared: 3, agreed: 2, rate: 2 / 3 });
    expect(row('a2')?.consensus).toEqual({ compared: 2, agreed: 2, rate: 1 });
    // a4: q1 others A A A → A (disagree); q3 other tie (disagree: both-bad is not a tie).
    expect(row('a4')?.consensus).toEqual({ compared: 2, agreed: 0, rate: 0 });
  });

  it('checks gold items in canonical order and ignores gold items nobody voted on', () => {
    // a1: q4 A = winner x (agree), q2 B ≠ tie (disagree).
    expect(row('a1')?.gold).toEqual({ compared: 2, agreed: 1, rate: 0.5 });
    expect(row('a2')?.gold).toEqual({ compared: 1, agreed: 0, rate: 0 });
    expect(row('a3')?.gold.compared).toBe(0);
    expect(row('a3')?.gold.rate).toBeNaN();
    const fromMap = assessAnnotators(VOTES, { gold: new Map(Object.entries(gold)) });
    expect(fromMap[0]?.gold).toEqual({ compared: 2, agreed: 1, rate: 0.5 });
  });

  it('counts fast votes among the timed ones and flags a majority of fast votes', () => {
    expect(row('a1')?.timing).toEqual({ timed: 3, fast: 1, share: 1 / 3 });
    expect(row('a1')?.tooFast).toBe(false);
    expect(row('a4')?.timing).toEqual({ timed: 2, fast: 2, share: 1 });
    expect(row('a4')?.tooFast).toBe(true);
    expect(row('a2')?.timing.share).toBeNaN();
    expect(row('a2')?.tooFast).toBe(false);
  });

  it('does not check timing without minDurationMs', () => {
    const unchecked = assessAnnotators(VOTES);
    expect(unchecked.find((entry) => entry.annotator === 'a4')?.timing).toEqual({
      timed: 2,
      fast: 0,
      share: Number.NaN,
    });
    expect(unchecked.every((entry) => !entry.tooFast)).toBe(true);
  });

  it('flags straight-lining on the displayed choice, from the minimum number of votes', () => {
    const clicks = (annotator: string, count: number, choices: PairwiseChoice[]) =>
      Array.from({ length: count }, (_, i) =>
        vote(
          `s${i}`,
          annotator,
          i % 2 === 0 ? ['x', 'y'] : ['y', 'x'],
          choices[i % choices.length] ?? 'left',
        ),
      );
    const result = assessAnnotators([
      ...clicks('标注员甲', 10, ['left']),
      ...clicks('标注员乙', 9, ['left']),
      // Always the same canonical winner (x), clicking left and right as the order changes.
      ...clicks('标注员丙', 10, ['left', 'right']),
    ]);
    const flagged = Object.fromEntries(
      result.map((entry) => [entry.annotator, entry.straightLining]),
    );
    expect(flagged).toEqual({ 标注员甲: true, 标注员乙: false, 标注员丙: false });
    expect(result.find((entry) => entry.annotator === '标注员甲')?.choices.left).toBe(10);
  });

  it('throws InvalidInputError naming the field', () => {
    expect(invalidInputField(() => assessAnnotators([]))).toBe('votes');
    expect(
      invalidInputField(() => assessAnnotators(VOTES, { gold: { q4: { winner: 'z' } } })),
    ).toBe('gold.q4');
    expect(invalidInputField(() => assessAnnotators(VOTES, { straightLiningMinVotes: 1 }))).toBe(
      'straightLiningMinVotes',
    );
    expect(invalidInputField(() => assessAnnotators(VOTES, { minDurationMs: 0 }))).toBe(
      'minDurationMs',
    );
    expect(invalidInputField(() => assessAnnotators(VOTES, { maxFastShare: 2 }))).toBe(
      'maxFastShare',
    );
  });
});

describe('flagFastVotes', () => {
  it('flags each timed vote under the threshold, in input order', () => {
    expect(flagFastVotes(VOTES, 1000)).toEqual([
      false,
      false,
      false,
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(invalidInputField(() => flagFastVotes(VOTES, -1))).toBe('minDurationMs');
  });
});
