// The retrieval metrics against figures worked out by hand (comments show the arithmetic), on
// rankings of hits for an English and a Chinese question.
import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import {
  meanScores,
  ndcgAtK,
  recallAtK,
  reciprocalRank,
  scoreRanking,
} from './retrieval-metrics.js';

// Hits for "how do I retry a failed request?" and for "如何重试失败的请求？": the passage
// that answers each is relevant, marked by whether the hit's text contains the quoted answer.
const answer = { en: 'maxRetries option', zh: '默认重试两次' };
const hitsEn = ['timeout option', 'proxy agent', 'the maxRetries option', 'mock client'];
const hitsZh = ['请求超时', '默认重试两次，可以配置', '代理'];
const rankedEn = hitsEn.map((text) => text.includes(answer.en)); // relevant at rank 3
const rankedZh = hitsZh.map((text) => text.includes(answer.zh)); // relevant at rank 2

describe('recallAtK', () => {
  it('is 1 once the relevant hit is within the top k, else 0 (one relevant item)', () => {
    expect(rankedEn).toEqual([false, false, true, false]);
    expect(recallAtK(rankedEn, 1)).toBe(0);
    expect(recallAtK(rankedEn, 2)).toBe(0);
    expect(recallAtK(rankedEn, 3)).toBe(1);
    expect(recallAtK(rankedZh, 1)).toBe(0);
    expect(recallAtK(rankedZh, 5)).toBe(1);
  });

  it('is the share of the relevant items found with several', () => {
    // 2 relevant of 4 in the top 3 → 2/4 = 0.5; the top 1 holds 1 → 0.25.
    expect(recallAtK([true, false, true, true], 3, 4)).toBe(0.5);
    expect(recallAtK([true, false, true, true], 1, 4)).toBe(0.25);
    expect(recallAtK([], 5)).toBe(0);
  });
});

describe('reciprocalRank', () => {
  it('is 1 / the rank of the first relevant hit, 0 without one', () => {
    expect(reciprocalRank(rankedEn)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(rankedZh)).toBe(0.5);
    expect(reciprocalRank([true, true])).toBe(1);
    expect(reciprocalRank([false, false])).toBe(0);
  });
});

describe('ndcgAtK', () => {
  it('discounts the one relevant hit by log2(rank + 1)', () => {
    // Rank 3: DCG = 1/log2(4) = 0.5, ideal = 1/log2(2) = 1 → 0.5.
    expect(ndcgAtK(rankedEn, 10)).toBe(0.5);
    // Rank 2: 1/log2(3) = 0.6309297535714575.
    expect(ndcgAtK(rankedZh, 10)).toBeCloseTo(0.6309297535714575, 12);
    // Cut before the relevant hit.
    expect(ndcgAtK(rankedEn, 2)).toBe(0);
  });

  it('normalises by the ideal ranking with several relevant items', () => {
    // Relevant at ranks 1 and 3 of 2: DCG = 1 + 0.5 = 1.5; ideal = 1 + 1/log2(3) = 1.6309…
    expect(ndcgAtK([true, false, true], 10, 2)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 12);
    // More relevant items than k: the ideal holds k of them, so a full top k scores 1.
    expect(ndcgAtK([true, true], 2, 5)).toBe(1);
  });
});

describe('scoreRanking and meanScores', () => {
  it('gives the four figures per question and their means', () => {
    const en = scoreRanking(rankedEn);
    const zh = scoreRanking(rankedZh);
    expect(en).toEqual({ recallAt1: 0, recallAt5: 1, reciprocalRank: 1 / 3, ndcgAt10: 0.5 });
    const missed = scoreRanking([false, false]);
    expect(missed).toEqual({ recallAt1: 0, recallAt5: 0, reciprocalRank: 0, ndcgAt10: 0 });
    const first = scoreRanking([true]);
    expect(first).toEqual({ recallAt1: 1, recallAt5: 1, reciprocalRank: 1, ndcgAt10: 1 });
    const mean = meanScores([en, zh, missed, first]);
    // recall@1 (0+0+0+1)/4; recall@5 (1+1+0+1)/4; MRR (1/3+1/2+0+1)/4 = 11/24;
    // nDCG (0.5 + 0.63093 + 0 + 1)/4 = 0.53273…
    expect(mean.recallAt1).toBe(0.25);
    expect(mean.recallAt5).toBe(0.75);
    expect(mean.reciprocalRank).toBeCloseTo(11 / 24, 12);
    expect(mean.ndcgAt10).toBeCloseTo((1.5 + 1 / Math.log2(3)) / 4, 12);
  });
});

describe('bad input', () => {
  it('refuses k or relevantTotal below 1, an empty list and too many relevant hits', () => {
    const detailsOf = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return (error as InvalidInputError).details;
      }
      throw new Error('expected a throw');
    };
    expect(detailsOf(() => recallAtK(rankedEn, 0))).toEqual([
      { field: 'k', reason: 'must be a whole number ≥ 1' },
    ]);
    expect(detailsOf(() => ndcgAtK(rankedEn, 10, 0))).toMatchObject([{ field: 'relevantTotal' }]);
    expect(detailsOf(() => scoreRanking([true, true]))).toMatchObject([{ field: 'ranked' }]);
    expect(detailsOf(() => meanScores([]))).toMatchObject([{ field: 'scores' }]);
  });
});
