import { describe, expect, it } from 'vitest';
import { bleu } from './bleu.js';
import { MetricInputError } from './metrics-errors.js';

describe('bleu', () => {
  it('is 1 for identical text', () => {
    expect(
      bleu(
        'The quick brown fox jumps over the lazy dog',
        'the quick brown fox jumps over the lazy dog',
      ),
    ).toBe(1);
    expect(bleu('北京是中国的首都', '北京是中国的首都', { smoothing: 'none' })).toBe(1);
  });

  it('smooths orders above 1 with add-one by default', () => {
    // [cat, sat, on, mat] vs [cat, is, on, mat] (articles dropped), c = r = 4, BP = exp(0) = 1
    // p1 = 3/4; p2 = 1/3 → (1+1)/(3+1) = 1/2; p3 = 0/2 → 1/3; p4 = 0/1 → 1/2
    // BLEU = (3/4 · 1/2 · 1/3 · 1/2)^(1/4) = (1/16)^(1/4) = 0.5
    expect(bleu('the cat sat on the mat', 'the cat is on the mat')).toBeCloseTo(0.5, 10);
    // unsmoothed, p3 = 0 makes it 0; up to bigrams it is (3/4 · 1/3)^(1/2) = 0.5
    expect(bleu('the cat sat on the mat', 'the cat is on the mat', { smoothing: 'none' })).toBe(0);
    expect(
      bleu('the cat sat on the mat', 'the cat is on the mat', { maxN: 2, smoothing: 'none' }),
    ).toBeCloseTo(0.5, 10);
  });

  it("scores NLTK's documentation example (normalised tokens)", () => {
    // NLTK's sentence_bleu doc example gives 0.5046 on its raw tokens; ours drop a/the and lowercase:
    // candidate = [it is guide to action which ensures that military always obeys commands of party] (14)
    // references have 14, 14 and 12 tokens → r = 14, BP = 1
    // matches: p1 = 13/14 (only "obeys" missing), p2 = 7/13, p3 = 4/12, p4 = 2/11
    // none: (13/14 · 7/13 · 4/12 · 2/11)^(1/4) = (1/33)^(1/4) = 0.4172
    // add-one: (13/14 · 8/14 · 5/13 · 3/12)^(1/4) = (5/98)^(1/4) = 0.4753
    const candidate =
      'It is a guide to action which ensures that the military always obeys the commands of the party';
    const references = [
      'It is a guide to action that ensures that the military will forever heed Party commands',
      'It is the guiding principle which guarantees the military forces always being under the command of the Party',
      'It is the practical guide for the army always to heed the directions of the party',
    ];
    expect(bleu(candidate, references, { smoothing: 'none' })).toBeCloseTo(0.4172, 4);
    expect(bleu(candidate, references)).toBeCloseTo(0.4753, 4);
  });

  it('counts Chinese per character', () => {
    // [北京是中国的首都] vs [中国的首都是北京], 8 characters each, BP = 1
    // p1 = 8/8; p2 = 5/7 (北京 中国 国的 的首 首都); p3 = 3/6 (中国的 国的首 的首都); p4 = 2/5
    // add-one: (1 · 6/8 · 4/7 · 3/6)^(1/4) = (3/14)^(1/4) = 0.6804
    // none: (1 · 5/7 · 1/2 · 2/5)^(1/4) = (1/7)^(1/4) = 0.6148
    expect(bleu('北京是中国的首都', '中国的首都是北京')).toBeCloseTo(0.6804, 4);
    expect(bleu('北京是中国的首都', '中国的首都是北京', { smoothing: 'none' })).toBeCloseTo(
      0.6148,
      4,
    );
  });

  it('penalises a short candidate', () => {
    // [cat, sat] vs [cat, sat, on, mat]: p1 = p2 = 1, BP = exp(1 − 4/2) = exp(−1) = 0.3679
    expect(bleu('cat sat', 'cat sat on mat', { maxN: 2, smoothing: 'none' })).toBeCloseTo(
      0.3679,
      4,
    );
  });

  it('takes the closest reference length, the shorter on a tie', () => {
    // c = 3, references of 2 and 4 tokens are both 1 away → r = 2, c > r, BP = 1; p1 = 3/3
    // (with r = 4 it would be exp(1 − 4/3) = 0.7165)
    expect(bleu('cat sat down', ['cat sat', 'cat sat down now'], { maxN: 1 })).toBe(1);
  });

  it('clips counts to the most any one reference has', () => {
    // [cat ×4] vs [cat, on, mat] and [cat, cat, sat]: clip 2 (second reference) → p1 = 2/4;
    // closest length 3, c = 4 > 3, BP = 1
    expect(bleu('cat cat cat cat', ['cat on mat', 'cat cat sat'], { maxN: 1 })).toBeCloseTo(
      0.5,
      10,
    );
  });

  it('is 0 without a unigram match, a candidate or a reference', () => {
    expect(bleu('apples', 'oranges')).toBe(0);
    expect(bleu('', 'oranges')).toBe(0);
    expect(bleu('oranges', [])).toBe(0);
  });

  it('rejects a maxN below 1', () => {
    expect(() => bleu('a', 'b', { maxN: 0 })).toThrow(MetricInputError);
    expect(() => bleu('a', 'b', { maxN: 2.5 })).toThrow(
      'BLEU: maxN must be a whole number >= 1, got 2.5',
    );
  });
});
