// Head-to-head tables for a leaderboard page: how often each model beat each other, and how many
// battles each pair fought (FastChat `compute_pairwise_win_fraction` and its battle-count plot,
// https://github.com/lm-sys/FastChat/blob/main/fastchat/serve/monitor/elo_analysis.py).
import type { Battle, BattleCounts } from './battles.js';
import { countBattles } from './battles.js';
import { fitBradleyTerryCounts } from './bradley-terry.js';
import { invalidInput } from '../feedback-errors.js';

/**
 * How a tie (or both-bad) enters a win fraction:
 * - `half` (default): half a win for each side, as the Bradley–Terry fit counts it, so the
 *   fractions of A over B and B over A add up to 1;
 * - `exclude`: ties leave both numerator and denominator (wins / decisive battles);
 * - `no-win`: ties stay in the denominator but are no one's win, FastChat's table.
 */
export type TieHandling = 'half' | 'exclude' | 'no-win';

export interface MatrixOptions {
  /** Rows and columns, each model at most once; default all, highest Bradley–Terry first. */
  order?: readonly string[];
  ties?: TieHandling;
}

export interface WinFractionMatrix {
  readonly models: readonly string[];
  /** `fractions[row][column]`: row's share of wins over column; null on the diagonal, unplayed. */
  readonly fractions: (number | null)[][];
}

export interface BattleCountMatrix {
  readonly models: readonly string[];
  /** Symmetric: battles between row and column in either position. */
  readonly counts: number[][];
}

export function computeWinFractionMatrix(
  battles: readonly Battle[],
  options: MatrixOptions = {},
): WinFractionMatrix {
  const counts = countBattles(battles);
  return winFractionsOf(counts, resolveOrder(counts, options.order), options.ties);
}

export function computeBattleCountMatrix(
  battles: readonly Battle[],
  options: Pick<MatrixOptions, 'order'> = {},
): BattleCountMatrix {
  const counts = countBattles(battles);
  return battleCountsOf(counts, resolveOrder(counts, options.order));
}

export function winFractionsOf(
  counts: BattleCounts,
  order: readonly string[],
  ties: TieHandling = 'half',
): WinFractionMatrix {
  if (!['half', 'exclude', 'no-win'].includes(ties)) {
    throw invalidInput(
      'ties',
      `must be 'half', 'exclude' or 'no-win', got ${JSON.stringify(ties)}`,
    );
  }
  const { won, tied } = pairTables(counts, order);
  const fractions = order.map((_, row) =>
    order.map((_, column) => {
      const wins = won[row]![column]!;
      const losses = won[column]![row]!;
      const draws = tied[row]![column]!;
      const battles = ties === 'exclude' ? wins + losses : wins + losses + draws;
      if (row === column || battles === 0) return null;
      return (ties === 'half' ? wins + draws / 2 : wins) / battles;
    }),
  );
  return { models: [...order], fractions };
}

export function battleCountsOf(counts: BattleCounts, order: readonly string[]): BattleCountMatrix {
  const { won, tied } = pairTables(counts, order);
  const matrix = order.map((_, row) =>
    order.map((_, column) => won[row]![column]! + won[column]![row]! + tied[row]![column]!),
  );
  return { models: [...order], counts: matrix };
}

/** `order`, checked against the battles' models, or all models by Bradley–Terry rating. */
export function resolveOrder(counts: BattleCounts, order?: readonly string[]): readonly string[] {
  if (order === undefined) return fitBradleyTerryCounts(counts).ratings.map(({ model }) => model);
  if (!Array.isArray(order)) throw invalidInput('order', 'must be an array of model names');
  const known = new Set(counts.models);
  const seen = new Set<string>();
  order.forEach((model, k) => {
    if (!known.has(model)) throw invalidInput(`order[${k}]`, `is not a model in the battles`);
    if (seen.has(model)) throw invalidInput(`order[${k}]`, `repeats '${model}'`);
    seen.add(model);
  });
  return order;
}

/** Dense order × order tables: won[r][c] = r's wins over c, tied[r][c] = their ties. */
function pairTables(counts: BattleCounts, order: readonly string[]) {
  const position = new Map(order.map((model, index) => [model, index]));
  const won = order.map(() => new Array<number>(order.length).fill(0));
  const tied = order.map(() => new Array<number>(order.length).fill(0));
  for (let p = 0; p < counts.first.length; p++) {
    const i = position.get(counts.models[counts.first[p]!]!);
    const j = position.get(counts.models[counts.second[p]!]!);
    if (i === undefined || j === undefined) continue;
    won[i]![j] = counts.firstWins[p]!;
    won[j]![i] = counts.secondWins[p]!;
    tied[i]![j] = tied[j]![i] = counts.ties[p]!;
  }
  return { won, tied };
}
