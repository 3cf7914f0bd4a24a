import { describe, expect, it } from 'vitest';
import { invalidInputField } from './__fixtures__/leaderboard-fixtures.js';
import type { Battle } from './battles.js';
import { computeOnlineElo } from './elo.js';

const rating = (ratings: { model: string; rating: number }[], model: string) =>
  ratings.find((row) => row.model === model)?.rating;

describe('computeOnlineElo', () => {
  const battles: Battle[] = [
    { modelA: 'a', modelB: 'b', winner: 'A' },
    { modelA: 'a', modelB: 'c', winner: 'tie' },
    { modelA: 'b', modelB: 'c', winner: 'both-bad' },
  ];

  it('follows hand-computed updates at Chatbot Arena defaults (K 4, 400, base 10, 1000)', () => {
    // 1. a beats b at 1000 vs 1000: E_a = 1/(1+10^0) = 0.5, update 4·(1 − 0.5) = 2 → a 1002, b 998.
    // 2. a ties c: E_a = 1/(1+10^(−2/400)) = 1/(1+0.988553095) = 0.502878200,
    //    update 4·(0.5 − 0.502878200) = −0.011512798 → a 1001.988487202, c 1000.011512798.
    // 3. b, c both bad (a tie): E_b = 1/(1+10^(2.011512798/400)) = 1/(1+1.011646497) = 0.497105233,
    //    update 4·(0.5 − 0.497105233) = 0.011579069 → b 998.011579069, c 999.999933729.
    const ratings = computeOnlineElo(battles);
    expect(ratings.map((row) => row.model)).toEqual(['a', 'c', 'b']);
    expect(rating(ratings, 'a')).toBeCloseTo(1001.988487202, 8);
    expect(rating(ratings, 'b')).toBeCloseTo(998.011579069, 8);
    expect(rating(ratings, 'c')).toBeCloseTo(999.999933729, 8);
    // Every update moves points from one model to the other.
    expect(ratings.reduce((sum, row) => sum + row.rating, 0)).toBeCloseTo(3000, 9);
  });

  it('takes K, scale, base and the initial rating as options', () => {
    // x beats y: E = 0.5, 32·0.5 = 16 → 1516 / 1484. Then y beats x:
    // E_y = 1/(1+2^(32/100)) = 1/(1+1.248330549) = 0.444774457, 32·(1 − 0.444774457) = 17.767217.
    const ratings = computeOnlineElo(
      [
        { modelA: 'x', modelB: 'y', winner: 'A' },
        { modelA: 'x', modelB: 'y', winner: 'B' },
      ],
      { k: 32, scale: 100, base: 2, initialRating: 1500 },
    );
    expect(rating(ratings, 'x')).toBeCloseTo(1498.232783, 6);
    expect(rating(ratings, 'y')).toBeCloseTo(1501.767217, 6);
  });

  it('counts both-bad exactly as a tie', () => {
    const asTie = battles.map((battle) =>
      battle.winner === 'both-bad' ? { ...battle, winner: 'tie' as const } : battle,
    );
    expect(computeOnlineElo(battles)).toEqual(computeOnlineElo(asTie));
  });

  it('depends on battle order, which is why the leaderboard uses Bradley–Terry', () => {
    const sequence: Battle[] = [
      { modelA: 'a', modelB: 'b', winner: 'A' },
      { modelA: 'a', modelB: 'b', winner: 'B' },
    ];
    const forwards = rating(computeOnlineElo(sequence), 'a')!;
    const backwards = rating(computeOnlineElo([...sequence].reverse()), 'a')!;
    // The later battle is played at unequal ratings, so whoever wins last ends slightly ahead.
    expect(forwards).toBeLessThan(1000);
    expect(backwards).toBeGreaterThan(1000);
  });

  it('rejects bad options and bad battles with the field at fault', () => {
    expect(() => computeOnlineElo(battles, { k: 0 })).toThrow(
      expect.objectContaining({ details: [{ field: 'k', reason: 'must be > 0, got 0' }] }),
    );
    expect(invalidInputField(() => computeOnlineElo(battles, { base: 1 }))).toBe('base');
    expect(invalidInputField(() => computeOnlineElo([]))).toBe('battles');
  });
});
