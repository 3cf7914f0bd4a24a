import { describe, expect, it } from 'vitest';
import { invalidInputField } from './__fixtures__/leaderboard-fixtures.js';
import { fitBradleyTerry } from './bradley-terry.js';
import { simulateBattles } from './simulate-battles.js';

describe('simulateBattles', () => {
  it('repeats for a seed and draws ties at the asked rate between equal models', () => {
    const options = { ratings: { a: 1000, b: 1000 }, battles: 10_000, tieRate: 0.3, seed: 4 };
    const battles = simulateBattles(options);
    expect(simulateBattles(options)).toEqual(battles);
    const share = (winner: string) =>
      battles.filter((battle) => battle.winner === winner).length / battles.length;
    // Binomial standard error at n = 10,000: under 0.005; allow three.
    expect(Math.abs(share('tie') - 0.3)).toBeLessThan(0.015);
    expect(Math.abs(share('A') - 0.35)).toBeLessThan(0.015);
    expect(new Set(battles.map((battle) => battle.modelA))).toEqual(new Set(['a', 'b']));
  });

  it('keeps expected scores, so a fit on battles with many ties still recovers the ratings', () => {
    const truth = { top: 1200, mid: 1000, low: 800 };
    const battles = simulateBattles({ ratings: truth, battles: 30_000, tieRate: 0.3, seed: 8 });
    for (const { model, rating } of fitBradleyTerry(battles).ratings) {
      expect(Math.abs(rating - truth[model as keyof typeof truth])).toBeLessThan(10);
    }
  });

  it('rejects bad options with the field at fault', () => {
    const fieldOf = (options: object) =>
      invalidInputField(() =>
        simulateBattles({ ratings: { a: 1000, b: 900 }, battles: 10, ...options }),
      );
    expect(fieldOf({ ratings: { a: 1000 } })).toBe('ratings');
    expect(fieldOf({ ratings: { a: 1000, b: Infinity } })).toBe('ratings.b');
    expect(fieldOf({ battles: 0 })).toBe('battles');
    expect(fieldOf({ tieRate: 1 })).toBe('tieRate');
  });
});
