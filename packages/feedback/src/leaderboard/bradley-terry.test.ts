import { describe, expect, it } from 'vitest';
import { invalidInputField, repeatBattles as repeat } from './__fixtures__/leaderboard-fixtures.js';
import type { Battle } from './battles.js';
import { fitBradleyTerry } from './bradley-terry.js';
import { simulateBattles } from './simulate-battles.js';

const ratingsOf = (battles: readonly Battle[], options = {}) =>
  Object.fromEntries(fitBradleyTerry(battles, options).ratings.map((r) => [r.model, r.rating]));

describe('fitBradleyTerry', () => {
  it('puts a 3:1 record 400·log10(3) = 190.85 points apart, around a mean of 1000', () => {
    // Two models: the MLE solves P(a beats b) = 3/4 = 1/(1+10^(−Δ/400)), so Δ = 400·log10 3.
    const fit = fitBradleyTerry([...repeat(3, 'A'), ...repeat(1, 'B')], { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.ratings[0]).toEqual({ model: 'a', rating: expect.closeTo(1095.4243, 4) });
    expect(fit.ratings[1]).toEqual({ model: 'b', rating: expect.closeTo(904.5757, 4) });
  });

  it('counts a tie as half a win each way, and both-bad as a tie', () => {
    // 2 wins + 2 ties = 3 wins : 1 loss, the same fit as above.
    const withTies = ratingsOf([...repeat(2, 'A'), ...repeat(2, 'tie')], { l2: 0 });
    const withBothBad = ratingsOf([...repeat(2, 'A'), ...repeat(2, 'both-bad')], { l2: 0 });
    expect(withTies.a).toBeCloseTo(1095.4243, 4);
    expect(withBothBad).toEqual(withTies);
  });

  it('gives equal ratings on a symmetric set', () => {
    // A rock–paper–scissors cycle plus ties: every model is as strong as every other.
    const battles = [
      ...repeat(5, 'A', 'a', 'b'),
      ...repeat(5, 'A', 'b', 'c'),
      ...repeat(5, 'A', 'c', 'a'),
      ...repeat(2, 'tie', 'a', 'c'),
    ];
    for (const rating of Object.values(ratingsOf(battles))) expect(rating).toBeCloseTo(1000, 9);
  });

  it('recovers the ratings that generated the battles, in order', () => {
    const truth = { m1: 1250, m2: 1100, m3: 1000, m4: 950, m5: 700 }; // mean 1000
    const battles = simulateBattles({ ratings: truth, battles: 20_000, seed: 7 });
    const fit = fitBradleyTerry(battles);
    expect(fit.converged).toBe(true);
    expect(fit.ratings.map((row) => row.model)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    // ~8,000 battles per model: a rating's standard error is ~5 points.
    for (const { model, rating } of fit.ratings) {
      expect(Math.abs(rating - truth[model as keyof typeof truth])).toBeLessThan(15);
    }
  });

  it('does not depend on battle order', () => {
    const battles = simulateBattles({ ratings: { a: 1100, b: 1000, c: 900 }, battles: 300 });
    expect(fitBradleyTerry([...battles].reverse())).toEqual(fitBradleyTerry(battles));
  });

  it('pins the anchor model and keeps every difference', () => {
    const battles = [...repeat(3, 'A'), ...repeat(1, 'B'), ...repeat(2, 'A', 'b', 'c')];
    const free = ratingsOf(battles);
    const anchored = ratingsOf(battles, { anchor: { model: 'b', rating: 1114 } });
    expect(anchored.b).toBe(1114);
    expect(anchored.a! - anchored.c!).toBeCloseTo(free.a! - free.c!, 9);
  });

  it('keeps a model that never lost finite with the L2 prior; unconverged without', () => {
    const battles = [...repeat(10, 'A'), ...repeat(5, 'A', 'b', 'c'), ...repeat(5, 'B', 'b', 'c')];
    const fit = fitBradleyTerry(battles);
    expect(fit.converged).toBe(true);
    expect(fit.ratings[0]?.model).toBe('a');
    expect(fit.ratings[0]?.rating).toBeGreaterThan(1500);
    expect(fit.ratings[0]?.rating).toBeLessThan(3000);
    // b and c split 5–5, but b also lost to a: b ends below c, and all three stay ordered.
    expect(fit.ratings.map((row) => row.model)).toEqual(['a', 'c', 'b']);
    expect(fitBradleyTerry(battles, { l2: 0 }).converged).toBe(false);
  });

  it('needs l2 > 0 when some models never met the others', () => {
    const islands = [...repeat(3, 'A', 'a', 'b'), ...repeat(3, 'A', 'c', 'd')];
    expect(invalidInputField(() => fitBradleyTerry(islands, { l2: 0 }))).toBe('battles');
    // With the prior each group is centred on the mean: a mirrors c, b mirrors d.
    const ratings = ratingsOf(islands);
    expect(ratings.a).toBeCloseTo(ratings.c!, 9);
    expect(ratings.a! + ratings.b!).toBeCloseTo(2000, 9);
  });

  it('uses the scale: half the points per factor of 10 halves the gaps', () => {
    const battles = [...repeat(3, 'A'), ...repeat(1, 'B')];
    const ratings = ratingsOf(battles, { l2: 0, scale: 200, initialRating: 0 });
    expect(ratings.a! - ratings.b!).toBeCloseTo(200 * Math.log10(3), 6);
  });

  it('rejects bad options with the field at fault', () => {
    const battles = repeat(2, 'A');
    const fieldOf = (options: object) => invalidInputField(() => fitBradleyTerry(battles, options));
    expect(fieldOf({ anchor: { model: 'nobody', rating: 1000 } })).toBe('anchor.model');
    expect(fieldOf({ anchor: { model: 'a', rating: NaN } })).toBe('anchor.rating');
    expect(fieldOf({ l2: -1 })).toBe('l2');
    expect(fieldOf({ maxIterations: 0 })).toBe('maxIterations');
    expect(fieldOf({ tolerance: 0 })).toBe('tolerance');
    expect(fieldOf({ scale: -400 })).toBe('scale');
  });
});
