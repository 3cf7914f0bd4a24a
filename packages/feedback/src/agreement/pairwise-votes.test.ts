import { describe, expect, it } from 'vitest';
import { invalidInputField } from './__fixtures__/agreement-fixtures.js';
import { canonicalizeVote, groupVotesByItem, type PairwiseVote } from './pairwise-votes.js';

const vote = (overrides: Partial<PairwiseVote> = {}): PairwiseVote => ({
  item: 'q1',
  annotator: 'ann-1',
  shown: ['model-a', 'model-b'],
  choice: 'left',
  ...overrides,
});

describe('canonicalizeVote', () => {
  it('maps displayed sides back to the candidate ids in code-unit order', () => {
    expect(canonicalizeVote(vote())).toEqual({ pair: ['model-a', 'model-b'], outcome: 'A' });
    expect(canonicalizeVote(vote({ choice: 'right' }))).toEqual({
      pair: ['model-a', 'model-b'],
      outcome: 'B',
    });
    // Shown swapped: left is now model-b, so "left" is a vote for B.
    const swapped = vote({ shown: ['model-b', 'model-a'] });
    expect(canonicalizeVote(swapped)).toEqual({ pair: ['model-a', 'model-b'], outcome: 'B' });
    expect(canonicalizeVote({ ...swapped, choice: 'right' }).outcome).toBe('A');
  });

  it('keeps tie and both-bad whatever the order', () => {
    expect(canonicalizeVote(vote({ choice: 'tie', shown: ['z', 'a'] })).outcome).toBe('tie');
    expect(canonicalizeVote(vote({ choice: 'both-bad' })).outcome).toBe('both-bad');
  });

  it('orders Chinese candidate ids the same way on every machine (code units, not locale)', () => {
    // 乙 is U+4E59 and 甲 U+7532: 乙 sorts first and is A, though 甲 comes first in Chinese use.
    expect(canonicalizeVote(vote({ shown: ['甲', '乙'], choice: 'left' }))).toEqual({
      pair: ['乙', '甲'],
      outcome: 'B',
    });
  });
});

describe('groupVotesByItem', () => {
  it('groups valid votes by item, keeping their input index', () => {
    const groups = groupVotesByItem([
      vote(),
      vote({ item: 'q2' }),
      vote({ annotator: 'ann-2', shown: ['model-b', 'model-a'] }),
    ]);
    expect([...groups.keys()]).toEqual(['q1', 'q2']);
    expect(groups.get('q1')?.map((entry) => [entry.index, entry.outcome])).toEqual([
      [0, 'A'],
      [2, 'B'],
    ]);
  });

  it('throws InvalidInputError naming the vote and field', () => {
    expect(invalidInputField(() => groupVotesByItem([]))).toBe('votes');
    expect(invalidInputField(() => groupVotesByItem([vote({ item: '' })]))).toBe('votes[0].item');
    expect(invalidInputField(() => groupVotesByItem([vote({ shown: ['x', 'x'] })]))).toBe(
      'votes[0].shown',
    );
    expect(
      invalidInputField(() =>
        groupVotesByItem([vote({ choice: 'maybe' as PairwiseVote['choice'] })]),
      ),
    ).toBe('votes[0].choice');
    expect(invalidInputField(() => groupVotesByItem([vote({ durationMs: -1 })]))).toBe(
      'votes[0].durationMs',
    );
    // One item, one pair.
    expect(
      invalidInputField(() =>
        groupVotesByItem([vote(), vote({ annotator: 'ann-2', shown: ['model-a', 'model-c'] })]),
      ),
    ).toBe('votes[1].shown');
    // One vote per annotator and item.
    expect(invalidInputField(() => groupVotesByItem([vote(), vote({ choice: 'right' })]))).toBe(
      'votes[1].annotator',
    );
  });
});
