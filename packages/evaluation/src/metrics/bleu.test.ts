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
    // [the, cat, sat, on, the, mat] vs [the, cat, is, on, the, mat], c = r = 6, BP = 1
    // p1 = 5/6 (the×2, cat, on, mat); p2 = 3/5 (the cat, on the, the mat) → (3+1)/(5+1) = 4/6;
    // p3 = 1/4 (on the mat) → 2/5; p4 = 0/3 → 1/4
    // BLEU = (5/6 · 4/6 · 2/5 · 1/4)^(1/4) = (1/18)^(1/4) = 0.48549
    expect(bleu('the cat sat on the mat', 'the cat is on the mat')).toBeCloseTo(0.48549, 5);
    // unsmoothed, p4 = 0 makes it 0; up to bigrams it is (5/6 · 3/5)^(1/2) = √(1/2)
    expect(bleu('the cat sat on the mat', 'the cat is on the mat', { smoothing: 'none' })).toBe(0);
    expect(
      bleu('the cat sat on the mat', 'the cat is on the mat', { maxN: 2, smoothing: 'none' }),
    ).toBeCloseTo(Math.SQRT1_2, 10);
  });

  it("reproduces NLTK's documentation example", () => {
    // nltk.translate.bleu_score.sentence_bleu on this example: 0.5045666840058485 (lowercasing
    // changes no match here). Add-one smoothing (NLTK method2 for n ≥ 2) gives 0.53976.
    const candidate =
      'It is a guide to action which ensures that the military always obeys the commands of the party';
    const references = [
      'It is a guide to action that ensures that the military will forever heed Party commands',
      'It is the guiding principle which guarantees the military forces always being under the command of the Party',
      'It is the practical guide for the army always to heed the directions of the party',
    ];
    expect(bleu(candidate, references, { smoothing: 'none' })).toBeCloseTo(0.5045666840058485, 12);
    expect(bleu(candidate, references)).toBeCloseTo(0.53976, 5);
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

  it('rejects a maxN above the limit, naming it', () => {
    // maxN = 10⁹ looped 10⁹ times: with add-one smoothing every empty order scores 1/1
    expect(() => bleu('a', 'a', { maxN: 1e9 })).toThrow(
      'BLEU: maxN must be at most 10, got 1000000000',
    );
  });
});
