// A Chatbot Arena-style leaderboard in one call: Bradley–Terry ratings with bootstrap intervals,
// a rank that only separates models whose intervals do, per-model records, and the head-to-head
// tables, all from one pass over the battles.
import type { Battle } from './battles.js';
import { countBattles } from './battles.js';
import type { BootstrapOptions, RatingInterval } from './bootstrap.js';
import { bootstrapBradleyTerryCounts } from './bootstrap.js';
import type { BattleCountMatrix, TieHandling, WinFractionMatrix } from './matrices.js';
import { battleCountsOf, winFractionsOf } from './matrices.js';

export interface LeaderboardOptions extends BootstrapOptions {
  /** How ties enter the win-fraction table; default `half`. */
  ties?: TieHandling;
}

export interface LeaderboardRow extends RatingInterval {
  /**
   * Chatbot Arena's "Rank (UB)": 1 + the number of models whose lower bound is above this
   * model's upper bound, so models that the data cannot tell apart share a rank
   * (https://github.com/lm-sys/FastChat/blob/main/fastchat/serve/monitor/monitor.py).
   */
  readonly rank: number;
  readonly battles: number;
  readonly wins: number;
  readonly losses: number;
  /** Ties and both-bad votes. */
  readonly ties: number;
}

export interface Leaderboard {
  /** Highest rating first; the matrices use the same order. */
  rows: LeaderboardRow[];
  winFractions: WinFractionMatrix;
  battleCounts: BattleCountMatrix;
  rounds: number;
  seed: number;
  unconvergedRounds: number;
}

export function computeLeaderboard(
  battles: readonly Battle[],
  options: LeaderboardOptions = {},
): Leaderboard {
  const counts = countBattles(battles);
  const { ratings, rounds, seed, unconvergedRounds } = bootstrapBradleyTerryCounts(counts, options);
  const order = ratings.map(({ model }) => model);
  const winFractions = winFractionsOf(counts, order, options.ties);
  const record = counts.models.map(() => ({ wins: 0, losses: 0, ties: 0 }));
  for (let p = 0; p < counts.first.length; p++) {
    const first = record[counts.first[p]!]!;
    const second = record[counts.second[p]!]!;
    first.wins += counts.firstWins[p]!;
    first.losses += counts.secondWins[p]!;
    second.wins += counts.secondWins[p]!;
    second.losses += counts.firstWins[p]!;
    first.ties += counts.ties[p]!;
    second.ties += counts.ties[p]!;
  }
  const rows = ratings.map((interval) => {
    const { wins, losses, ties } = record[counts.models.indexOf(interval.model)]!;
    const better = ratings.filter((other) => other.lower > interval.upper).length;
    return { ...interval, rank: 1 + better, battles: wins + losses + ties, wins, losses, ties };
  });
  return {
    rows,
    winFractions,
    battleCounts: battleCountsOf(counts, order),
    rounds,
    seed,
    unconvergedRounds,
  };
}
