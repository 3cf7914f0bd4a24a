import { describe, expect, it } from 'vitest';
import type { Battle, BattleWinner } from './battles.js';
import { invalidInputField } from './__fixtures__/leaderboard-fixtures.js';
import { bootstrapBradleyTerry } from './bootstrap.js';
import { simulateBattles } from './simulate-battles.js';

const battles = simulateBattles({
  ratings: { strong: 1150, middle: 1050, weak: 1000, weakest: 800 },
  battles: 3000,
  tieRate: 0.2,
  seed: 3,
});

describe('bootstrapBradleyTerry', () => {
  it('gives identical intervals for the same seed and different ones for another', () => {
    const first = bootstrapBradleyTerry(battles, { seed: 11 });
    expect(bootstrapBradleyTerry(battles, { seed: 11 })).toEqual(first);
    expect(bootstrapBradleyTerry(battles, { seed: 12 }).ratings).not.toEqual(first.ratings);
    expect(first.rounds).toBe(1000);
    expect(first.unconvergedRounds).toBe(0);
  });

  it('brackets each point estimate: lower ≤ median ≤ upper, rating inside', () => {
    const { ratings } = bootstrapBradleyTerry(battles);
    expect(ratings.map((row) => row.model)).toEqual(['strong', 'middle', 'weak', 'weakest']);
    for (const row of ratings) {
      expect(row.lower).toBeLessThan(row.rating);
      expect(row.upper).toBeGreaterThan(row.rating);
      expect(row.median).toBeGreaterThan(row.lower);
      expect(row.median).toBeLessThan(row.upper);
      expect(Math.abs(row.median - row.rating)).toBeLessThan(5);
    }
  });

  it('is as wide as the binomial standard error says', () => {
    // 400 battles split 200–200: sd(Δ) = (400/ln 10)/√(400·¼) = 17.37 points, and with a mean
    // anchor each rating moves by Δ/2, so the 95% interval is 2·1.96·8.69 = 34.0 points wide.
    const even: Battle[] = Array.from({ length: 400 }, (_, k) => ({
      modelA: 'a',
      modelB: 'b',
      winner: (k % 2 ? 'A' : 'B') as BattleWinner,
    }));
    const [a] = bootstrapBradleyTerry(even, { l2: 0 }).ratings;
    expect(a!.upper - a!.lower).toBeGreaterThan(34.0 * 0.9);
    expect(a!.upper - a!.lower).toBeLessThan(34.0 * 1.1);
  });

  it('does not depend on battle order, because it resamples per-pair counts', () => {
    const options = { rounds: 200, seed: 5 };
    expect(bootstrapBradleyTerry([...battles].reverse(), options)).toEqual(
      bootstrapBradleyTerry(battles, options),
    );
  });

  it('gives the anchor a zero-width interval', () => {
    const anchor = { model: 'weak', rating: 1000 };
    const { ratings } = bootstrapBradleyTerry(battles, { anchor, rounds: 100 });
    const weak = ratings.find((row) => row.model === 'weak')!;
    expect([weak.lower, weak.median, weak.upper]).toEqual([1000, 1000, 1000]);
  });

  it('honours confidence: a 50% interval sits inside the 95% one', () => {
    const wide = bootstrapBradleyTerry(battles, { rounds: 300 }).ratings[0]!;
    const narrow = bootstrapBradleyTerry(battles, { rounds: 300, confidence: 0.5 }).ratings[0]!;
    expect(narrow.lower).toBeGreaterThan(wide.lower);
    expect(narrow.upper).toBeLessThan(wide.upper);
  });

  it('rejects bad options with the field at fault', () => {
    const fieldOf = (options: object) =>
      invalidInputField(() => bootstrapBradleyTerry(battles, options));
    expect(fieldOf({ rounds: 0 })).toBe('rounds');
    expect(fieldOf({ rounds: 2.5 })).toBe('rounds');
    expect(fieldOf({ confidence: 1 })).toBe('confidence');
    expect(fieldOf({ seed: 0.5 })).toBe('seed');
  });
});
