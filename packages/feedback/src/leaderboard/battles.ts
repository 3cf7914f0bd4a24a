// Pairwise battles, as Chatbot Arena collects them, and their aggregation into counts per pair of
// models. Everything but online Elo depends only on those counts, so a bootstrap round resamples
// three cells per pair instead of every battle (FastChat's `preprocess_for_bt` does the same:
// https://github.com/lm-sys/FastChat/blob/main/fastchat/serve/monitor/rating_systems.py).
import { invalidInput } from '../feedback-errors.js';

/**
 * `both-bad` is Chatbot Arena's "tie (bothbad)": it says nothing about which model is better, so
 * every rating here counts it exactly as a `tie`. Keep it distinct in stored feedback all the same:
 * for training data it is a negative for both responses, which a tie is not.
 */
export type BattleWinner = 'A' | 'B' | 'tie' | 'both-bad';

export interface Battle {
  readonly modelA: string;
  readonly modelB: string;
  readonly winner: BattleWinner;
}

/** One row per unordered pair of models that met; `first[p] < second[p]` index `models`. */
export interface BattleCounts {
  /** Sorted by name, so nothing downstream depends on the order battles arrived in. */
  readonly models: readonly string[];
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly firstWins: Float64Array;
  readonly secondWins: Float64Array;
  /** Ties and both-bad votes together. */
  readonly ties: Float64Array;
  /** Number of battles. */
  readonly total: number;
}

const WINNERS: ReadonlySet<string> = new Set<BattleWinner>(['A', 'B', 'tie', 'both-bad']);

/** Checks every battle (InvalidInputError naming the first bad field); returns models by name. */
export function validateBattles(battles: readonly Battle[]): string[] {
  if (!Array.isArray(battles) || battles.length === 0) {
    throw invalidInput('battles', 'must be a non-empty array of battles');
  }
  const names = new Set<string>();
  for (let k = 0; k < battles.length; k++) {
    const battle = battles[k];
    checkBattle(battle, k);
    names.add(battle.modelA).add(battle.modelB);
  }
  return [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** Validates `battles` and folds them into per-pair counts. */
export function countBattles(battles: readonly Battle[]): BattleCounts {
  const models = validateBattles(battles);
  const indexOf = new Map(models.map((model, index) => [model, index]));
  const m = models.length;
  // Per pair key (first·m + second, exact in a double below 94 million models): its row.
  const rowOf = new Map<number, number>();
  const keys: number[] = [];
  const tallies: number[] = []; // 3 per row: first's wins, second's wins, ties
  for (const battle of battles) {
    const a = indexOf.get(battle.modelA)!;
    const b = indexOf.get(battle.modelB)!;
    const key = a < b ? a * m + b : b * m + a;
    let row = rowOf.get(key);
    if (row === undefined) {
      rowOf.set(key, (row = keys.length));
      keys.push(key);
      tallies.push(0, 0, 0);
    }
    const column =
      battle.winner === 'tie' || battle.winner === 'both-bad'
        ? 2
        : (battle.winner === 'A') === a < b
          ? 0
          : 1;
    tallies[3 * row + column]! += 1;
  }
  const order = keys.map((_, row) => row).sort((x, y) => keys[x]! - keys[y]!);
  return {
    models,
    first: Int32Array.from(order, (row) => Math.floor(keys[row]! / m)),
    second: Int32Array.from(order, (row) => keys[row]! % m),
    firstWins: Float64Array.from(order, (row) => tallies[3 * row]!),
    secondWins: Float64Array.from(order, (row) => tallies[3 * row + 1]!),
    ties: Float64Array.from(order, (row) => tallies[3 * row + 2]!),
    total: battles.length,
  };
}

function checkBattle(battle: Battle | undefined, k: number): asserts battle is Battle {
  const at = `battles[${k}]`;
  if (typeof battle !== 'object' || battle === null) throw invalidInput(at, 'must be an object');
  for (const side of ['modelA', 'modelB'] as const) {
    if (typeof battle[side] !== 'string' || battle[side].length === 0) {
      throw invalidInput(`${at}.${side}`, 'must be a non-empty string');
    }
  }
  if (battle.modelA === battle.modelB) {
    throw invalidInput(`${at}.modelB`, `must differ from modelA (both are '${battle.modelA}')`);
  }
  if (!WINNERS.has(battle.winner)) {
    throw invalidInput(
      `${at}.winner`,
      `must be one of 'A', 'B', 'tie', 'both-bad', got ${JSON.stringify(battle.winner)}`,
    );
  }
}
