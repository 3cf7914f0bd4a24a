import { describe, expect, it } from 'vitest';
import { exactMatch, tokenF1 } from './exact-match.js';

describe('exactMatch', () => {
  it('compares SQuAD-normalised answers', () => {
    expect(exactMatch('the Eiffel Tower', 'Eiffel Tower')).toBe(1);
    expect(exactMatch('Eiffel Tower!', 'eiffel  tower')).toBe(1);
    expect(exactMatch('Eiffel', 'Eiffel Tower')).toBe(0);
  });

  it('takes the best of several references', () => {
    expect(exactMatch('Louvre', ['Eiffel Tower', 'the Louvre'])).toBe(1);
    expect(exactMatch('Louvre', ['Eiffel Tower', 'Notre-Dame'])).toBe(0);
    expect(exactMatch('Louvre', [])).toBe(0);
  });

  it('folds full-width Chinese punctuation and letters', () => {
    expect(exactMatch('北京。', '北京')).toBe(1);
    expect(exactMatch('ＡＢＣ', 'abc')).toBe(1);
  });
});

describe('tokenF1', () => {
  it('scores token overlap as SQuAD does', () => {
    // [in, paris, france] vs [paris]: common 1, P = 1/3, R = 1, F1 = 2·(1/3)/(4/3) = 0.5
    expect(tokenF1('in Paris France', 'Paris')).toBeCloseTo(0.5, 10);
    // articles are dropped: [eiffel, tower] vs [eiffel, tower]
    expect(tokenF1('the Eiffel Tower', 'Eiffel Tower')).toBe(1);
    expect(tokenF1('Louvre', 'Eiffel Tower')).toBe(0);
  });

  it('counts tokens as a multiset', () => {
    // [paris, paris, paris] vs [paris, france]: common min(3,1) = 1, P = 1/3, R = 1/2,
    // F1 = 2·(1/6)/(5/6) = 0.4
    expect(tokenF1('Paris Paris Paris', 'Paris France')).toBeCloseTo(0.4, 10);
  });

  it('compares Chinese per character', () => {
    // [北,京,是,首,都] vs [首,都,北,京]: common 4, P = 4/5, R = 4/4, F1 = 2·0.8/1.8 = 8/9
    expect(tokenF1('北京是首都', '首都北京')).toBeCloseTo(8 / 9, 10);
    expect(tokenF1('北京是首都', '首都北京')).toBeCloseTo(0.8889, 4);
  });

  it('takes the best reference', () => {
    // vs "Paris": 0.5 (above); vs "Paris France": common 2, P = 2/3, R = 1, F1 = 0.8
    expect(tokenF1('in Paris France', ['Paris', 'Paris France', 'Lyon'])).toBeCloseTo(0.8, 10);
  });

  it('matches an empty answer only with an empty one (SQuAD 2.0)', () => {
    expect(tokenF1('', '')).toBe(1);
    // "The." normalises to nothing
    expect(tokenF1('The.', '')).toBe(1);
    expect(tokenF1('', 'Paris')).toBe(0);
    expect(tokenF1('Paris', '')).toBe(0);
    expect(tokenF1('Paris', [])).toBe(0);
  });
});
