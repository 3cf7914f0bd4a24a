import { userMessage } from '@repo/core';
import { describe, expect, it } from 'vitest';
import type { FeedbackTarget, RankingFeedback } from '../store/feedback-types.js';
import type { ProduceContext } from './examples-from-votes.js';
import { fromRankings, plurality } from './examples-from-votes.js';
import { seededRandom } from './seeded-random.js';

const prompt = [userMessage('推荐一本入门机器学习的书。')];
const targets = new Map<string, FeedbackTarget>(
  ['a', 'b', 'c'].map((id) => [
    id,
    {
      responseId: id,
      prompt,
      answer: `答案${id}`,
      model: 'm',
      parameters: {},
      promptHash: 'h',
      createdAt: new Date(0),
    },
  ]),
);

function context(rankingPairs: ProduceContext['rankingPairs'], seed = 1): ProduceContext {
  return {
    family: 'pair',
    targets,
    rankingPairs,
    ratingMargin: 0,
    bothBadAsNegatives: false,
    random: seededRandom(seed, 'item'),
  };
}

function ranked(annotator: string, ranking: string[][]): RankingFeedback {
  return {
    kind: 'ranking',
    id: annotator,
    sequence: 1,
    itemKey: '["ranking","a","b","c"]',
    responseIds: ['a', 'b', 'c'],
    candidates: ['a', 'b', 'c'],
    ranking,
    promptHash: 'h',
    current: true,
    annotator: { id: annotator, kind: 'expert' },
    status: 'submitted',
    createdAt: new Date(0),
  };
}

const pairsOf = (produced: ReturnType<typeof fromRankings>) =>
  produced.map((p) =>
    'drop' in p ? p.drop : p.type === 'pair' ? `${p.chosen}>${p.rejected}` : p.type,
  );

describe('fromRankings', () => {
  const rankings = [
    ranked('甲', [['a'], ['b'], ['c']]),
    ranked('乙', [['b'], ['a'], ['c']]),
    ranked('丙', [['a'], ['c'], ['b']]),
  ];

  it('decides each of the C(K,2) pairs by the plurality of the annotators’ rankings', () => {
    expect(pairsOf(fromRankings(rankings, context('all')))).toEqual([
      '答案a>答案b',
      '答案a>答案c',
      '答案b>答案c',
    ]);
  });

  it('best vs a random worse one: the answer that wins the most pairs, against one it beats', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++)
      seen.add(pairsOf(fromRankings(rankings, context('best-vs-random-worse', seed))).join());
    expect([...seen].sort()).toEqual(['答案a>答案b', '答案a>答案c']);
  });

  it('drops a pair the annotators split on, and reports ties', () => {
    const split = [ranked('甲', [['a'], ['b', 'c']]), ranked('乙', [['b'], ['a'], ['c']])];
    // (a, b): one each; (a, c): both for a; (b, c): a tie against a vote for b.
    expect(pairsOf(fromRankings(split, context('all')))).toEqual([
      'no_majority',
      'no_majority',
      '答案a>答案c',
    ]);
    expect(pairsOf(fromRankings([split[0] as RankingFeedback], context('all')))).toEqual([
      'tie',
      '答案a>答案b',
      '答案a>答案c',
    ]);
    expect(
      pairsOf(fromRankings([ranked('甲', [['a', 'b', 'c']])], context('best-vs-random-worse'))),
    ).toEqual(['no_worse_candidate']);
  });
});

describe('plurality', () => {
  it('needs a strict top', () => {
    expect(plurality({ A: 2, B: 1, tie: 1 })).toBe('A');
    expect(plurality({ A: 1, B: 1, tie: 0 })).toBeUndefined();
    expect(plurality({ A: 0, B: 0 })).toBeUndefined();
  });
});
