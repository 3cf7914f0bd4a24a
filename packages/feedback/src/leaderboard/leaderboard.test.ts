import { describe, expect, it } from 'vitest';
import { computeLeaderboard } from './leaderboard.js';
import { simulateBattles } from './simulate-battles.js';

describe('computeLeaderboard', () => {
  // Two models 10 points apart cannot be told apart by 2,000 battles; the third is far below.
  const battles = simulateBattles({
    ratings: { 'model-a': 1110, 'model-b': 1100, 'model-c': 790 },
    battles: 2000,
    tieRate: 0.1,
    seed: 21,
  });
  const board = computeLeaderboard(battles, { rounds: 500, seed: 1 });

  it('ranks like Chatbot Arena: models whose intervals overlap share a rank', () => {
    expect(board.rows.map(({ model, rank }) => [model, rank])).toEqual([
      [expect.any(String), 1],
      [expect.any(String), 1],
      ['model-c', 3],
    ]);
    expect(board.rows[0]!.lower).toBeLessThan(board.rows[1]!.upper);
    expect(board.rows[2]!.upper).toBeLessThan(board.rows[1]!.lower);
  });

  it('reports each model’s record, consistent with the battle-count matrix', () => {
    let wins = 0;
    let ties = 0;
    board.rows.forEach((row, i) => {
      expect(row.wins + row.losses + row.ties).toBe(row.battles);
      expect(board.battleCounts.counts[i]!.reduce((sum, n) => sum + n, 0)).toBe(row.battles);
      wins += row.wins;
      ties += row.ties;
    });
    // Each battle has one winner or one tie counted on both sides.
    expect(wins + ties / 2).toBe(battles.length);
  });

  it('lays the matrices out in leaderboard order', () => {
    const order = board.rows.map((row) => row.model);
    expect(board.winFractions.models).toEqual(order);
    expect(board.battleCounts.models).toEqual(order);
    const cOverA = board.winFractions.fractions[2]![0]!;
    expect(cOverA).toBeLessThan(0.2);
    expect(cOverA + board.winFractions.fractions[0]![2]!).toBeCloseTo(1, 12);
  });
});
