import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { METRIC_LIMITS, MetricInputError } from './metrics-errors.js';
import { cosineSimilarity, levenshtein } from './similarity.js';

describe('cosineSimilarity', () => {
  it('computes a·b / (|a||b|)', () => {
    // 1·4 + 2·5 + 3·6 = 32; |a| = √14, |b| = √77; 32 / √1078 = 0.974632
    expect(cosineSimilarity([1, 2, 3], [4, 5, 6])).toBeCloseTo(0.974632, 6);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 1], [-2, -2])).toBeCloseTo(-1, 10);
    expect(cosineSimilarity([3, 4], [6, 8])).toBeCloseTo(1, 10);
  });

  it('gives 0 for a zero vector', () => {
    expect(cosineSimilarity([0, 0, 0], [1, 2, 3])).toBe(0);
    expect(cosineSimilarity([], [])).toBe(0);
  });

  it('throws MetricInputError on different lengths', () => {
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow(
      'Vectors have different lengths: 2 and 3',
    );
    try {
      cosineSimilarity([1], [1, 2]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MetricInputError);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({
        name: 'MetricInputError',
        code: 'invalid_metric_input',
        details: [{ field: 'b', reason: 'must have 1 dimensions like a, has 2' }],
      });
    }
  });
});

describe('levenshtein', () => {
  it('counts edits', () => {
    // kitten → sitten (k→s) → sittin (e→i) → sitting (+g)
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', 'abc')).toBe(0);
  });

  it('counts per code point', () => {
    // insert 师 and 范
    expect(levenshtein('北京大学', '北京师范大学')).toBe(2);
    expect(levenshtein('中国', '中國')).toBe(1);
    // 😀 is two UTF-16 units but one character
    expect(levenshtein('😀a', 'a')).toBe(1);
  });

  it('refuses a text over METRIC_LIMITS.maxEditDistanceLength characters, naming the limit', () => {
    // Two 150 KB texts blocked the event loop for 20 s (a 150,000² table); now refused at once.
    const big = 'a'.repeat(150_000);
    try {
      levenshtein(big, big);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MetricInputError);
      expect(error).toMatchObject({
        message: 'levenshtein accepts at most 10000 characters per text; a has 150000',
        details: [{ field: 'a', reason: 'has 150000 characters; the limit is 10000' }],
      });
    }
    expect(() => levenshtein('x', '中'.repeat(10_001))).toThrow(
      'levenshtein accepts at most 10000 characters per text; b has 10001',
    );
    // the limit counts code points: 10,000 emoji are 20,000 UTF-16 units and still accepted
    expect(levenshtein('😀'.repeat(METRIC_LIMITS.maxEditDistanceLength), '')).toBe(10_000);
  });
});
