import { describe, expect, it } from 'vitest';
import { METRIC_LIMITS, MetricInputError } from './metrics-errors.js';
import { rougeL, rougeN } from './rouge.js';

// Lin (2004)'s example. Normalisation drops "the", so the sentences are 3 tokens, not 4:
// S1 = [police, killed, gunman], S2 = [police, kill, gunman], S3 = [gunman, kill, police].
const S1 = 'police killed the gunman';
const S2 = 'police kill the gunman';
const S3 = 'the gunman kill police';

describe('rougeL', () => {
  it("reproduces Lin's example", () => {
    // LCS(S2, S1) = [police, the, gunman] = 3; P = R = F = 3/4, as in Lin (2004)
    expect(rougeL(S2, S1)).toEqual({ precision: 0.75, recall: 0.75, f: 0.75 });
    // LCS(S3, S1) = [the, gunman] = 2; P = R = F = 2/4, as in the paper
    expect(rougeL(S3, S1).f).toBeCloseTo(0.5, 10);
  });

  it('weights recall with beta', () => {
    // [police, shot, the, gunman, dead] vs S1: LCS 3, P = 3/5, R = 3/4
    // β = 1: F = 2·0.45/1.35 = 2/3; β = 2: F = 5·0.45/(0.75 + 4·0.6) = 2.25/3.15 = 5/7
    expect(rougeL('police shot the gunman dead', S1).f).toBeCloseTo(2 / 3, 10);
    expect(rougeL('police shot the gunman dead', S1, { beta: 2 }).f).toBeCloseTo(5 / 7, 10);
  });

  it('works per character for Chinese', () => {
    // [北,京,是,中,国,的,首,都] vs [中,国,的,首,都,是,北,京]: LCS 中国的首都 = 5; P = R = F = 5/8
    const score = rougeL('北京是中国的首都', '中国的首都是北京');
    expect(score).toEqual({ precision: 0.625, recall: 0.625, f: 0.625 });
  });

  it('is 0 with nothing in common or nothing at all', () => {
    expect(rougeL('apples', 'oranges')).toEqual({ precision: 0, recall: 0, f: 0 });
    expect(rougeL('', 'oranges')).toEqual({ precision: 0, recall: 0, f: 0 });
    expect(rougeL('Oranges!', 'oranges')).toEqual({ precision: 1, recall: 1, f: 1 });
  });
});

describe('rougeN', () => {
  it('counts unigrams and bigrams', () => {
    // unigrams: police, the, gunman shared, 3 of 4 each way
    expect(rougeN(S2, S1).f).toBeCloseTo(0.75, 10);
    // bigrams [police kill, kill the, the gunman] vs [police killed, killed the, the gunman]: 1 shared
    expect(rougeN(S2, S1, 2).f).toBeCloseTo(1 / 3, 10);
    // bigrams [cat sat, sat on, on mat, mat today] vs [cat sat, sat on, on mat]: 3 shared,
    // P = 3/4, R = 3/3, F = 2·0.75/1.75 = 6/7
    const score = rougeN('cat sat on mat today', 'cat sat on mat', 2);
    expect(score.precision).toBeCloseTo(0.75, 10);
    expect(score.recall).toBe(1);
    expect(score.f).toBeCloseTo(0.8571, 4);
  });

  it('clips repeated n-grams to the reference count', () => {
    // [cat, cat, cat] vs [cat, sat]: overlap min(3, 1) = 1; P = 1/3, R = 1/2, F = 0.4
    const score = rougeN('cat cat cat', 'cat sat');
    expect(score.precision).toBeCloseTo(1 / 3, 10);
    expect(score.recall).toBe(0.5);
    expect(score.f).toBeCloseTo(0.4, 10);
  });

  it('counts Chinese character bigrams', () => {
    // [北京, 京是, 是首, 首都] vs [首都, 都北, 北京]: 2 shared, P = 2/4, R = 2/3, F = 4/7
    expect(rougeN('北京是首都', '首都北京', 2).f).toBeCloseTo(0.5714, 4);
  });

  it('rejects an n below 1', () => {
    expect(() => rougeN('a', 'b', 0)).toThrow(MetricInputError);
    expect(() => rougeN('a', 'b', 1.5)).toThrow('ROUGE-N: n must be a whole number >= 1, got 1.5');
  });

  it('rejects an n above the limit, naming it', () => {
    // n = 10⁶ used to build one huge n-gram per token: quadratic in the text
    expect(() => rougeN('a b', 'a b', 1_000_000)).toThrow(
      'ROUGE-N: n must be at most 10, got 1000000',
    );
    expect(rougeN('一二三四五六七八九十', '一二三四五六七八九十', 10).f).toBe(1);
  });
});

describe('limits', () => {
  it('ROUGE-L refuses a text over METRIC_LIMITS.maxLcsTokens tokens, naming the limit', () => {
    const long = 'word '.repeat(METRIC_LIMITS.maxLcsTokens + 1);
    try {
      rougeL(long, 'word');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MetricInputError);
      expect(error).toMatchObject({
        message: 'ROUGE-L accepts at most 10000 tokens per text; candidate has 10001',
        details: [{ field: 'candidate', reason: 'has 10001 tokens; the limit is 10000' }],
      });
    }
    // at the limit it still scores (Chinese: one token per character)
    const chinese = '北京'.repeat(METRIC_LIMITS.maxLcsTokens / 2);
    expect(rougeL(chinese, '北京').recall).toBe(1);
  });
});
