import { describe, expect, it } from 'vitest';
import { invalidInputField as fieldOf } from './__fixtures__/leaderboard-fixtures.js';
import type { Battle } from './battles.js';
import { countBattles } from './battles.js';

describe('countBattles', () => {
  it('folds battles into per-pair counts, models by name, whichever side each played', () => {
    const counts = countBattles([
      { modelA: 'zeta', modelB: 'alpha', winner: 'A' },
      { modelA: 'alpha', modelB: 'zeta', winner: 'A' },
      { modelA: 'alpha', modelB: 'zeta', winner: 'B' },
      { modelA: 'zeta', modelB: 'alpha', winner: 'tie' },
      { modelA: 'alpha', modelB: 'zeta', winner: 'both-bad' },
      { modelA: 'mid', modelB: 'alpha', winner: 'B' },
    ]);
    expect(counts.models).toEqual(['alpha', 'mid', 'zeta']);
    expect([...counts.first]).toEqual([0, 0]);
    expect([...counts.second]).toEqual([1, 2]);
    // alpha–mid: alpha won once. alpha–zeta: alpha 1, zeta 2, and both-bad joins the tie.
    expect([...counts.firstWins]).toEqual([1, 1]);
    expect([...counts.secondWins]).toEqual([0, 2]);
    expect([...counts.ties]).toEqual([0, 2]);
    expect(counts.total).toBe(6);
  });

  it('names the field of the first bad battle', () => {
    const good: Battle = { modelA: 'a', modelB: 'b', winner: 'A' };
    expect(fieldOf(() => countBattles([]))).toBe('battles');
    expect(fieldOf(() => countBattles('nope' as never))).toBe('battles');
    expect(fieldOf(() => countBattles([good, { modelA: 'a', modelB: 'a', winner: 'A' }]))).toBe(
      'battles[1].modelB',
    );
    expect(
      fieldOf(() => countBattles([good, good, { modelA: 'a', modelB: 'b', winner: 'C' as never }])),
    ).toBe('battles[2].winner');
    expect(fieldOf(() => countBattles([{ modelA: '', modelB: 'b', winner: 'A' }]))).toBe(
      'battles[0].modelA',
    );
    expect(fieldOf(() => countBattles([good, null as never]))).toBe('battles[1]');
  });

  it('says why in the message', () => {
    expect(() => countBattles([{ modelA: 'a', modelB: 'a', winner: 'A' }])).toThrow(
      /battles\[0\]\.modelB must differ from modelA/,
    );
    expect(() => countBattles([{ modelA: 'a', modelB: 'b', winner: 'draw' as never }])).toThrow(
      /battles\[0\]\.winner must be one of 'A', 'B', 'tie', 'both-bad', got "draw"/,
    );
  });
});
