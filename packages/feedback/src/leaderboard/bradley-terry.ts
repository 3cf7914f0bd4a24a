// Bradley–Terry ratings by maximum likelihood, Chatbot Arena's leaderboard model since December
// 2023 (https://lmsys.org/blog/2023-12-07-leaderboard/; FastChat `compute_bt` in
// https://github.com/lm-sys/FastChat/blob/main/fastchat/serve/monitor/rating_systems.py).
// P(i beats j) = σ(ln(base)/scale · (R_i − R_j)): the Elo curve, fitted to all battles at once,
// so unlike online Elo the result does not depend on battle order.
import type { Battle, BattleCounts } from './battles.js';
import { countBattles } from './battles.js';
import { createBradleyTerrySolver } from './bradley-terry-solver.js';
import type { SolverResult } from './bradley-terry-solver.js';
import type { RatedModel, EloScale, EloScaleOptions } from './leaderboard-input.js';
import {
  requireFinite,
  requirePositive,
  requirePositiveInteger,
  resolveScale,
  sortByRating,
} from './leaderboard-input.js';
import { invalidInput } from '../feedback-errors.js';

export interface BradleyTerryOptions extends EloScaleOptions {
  /**
   * Pins one model's rating (FastChat pins mixtral-8x7b-instruct-v0.1 at 1114 so that numbers stay
   * comparable as models come and go). Default: the mean rating is `initialRating`.
   */
  anchor?: { model: string; rating: number };
  /**
   * Weight of an L2 penalty ½·l2·Σθ² on the natural-scale strengths θ (R = θ·scale/ln(base)): a
   * Gaussian prior with a standard deviation of 1/√l2 natural units, ~5,500 rating points at the
   * default 1e-3. It is invisible beside real data (100 battles carry a curvature ~25), but without
   * it the likelihood has no maximum when a model never loses (its rating runs off to +∞) or never
   * wins, or when models fall into groups that never met. 0 is FastChat's plain MLE.
   */
  l2?: number;
  /** Converged once an iteration moves no rating difference by more; default 1e-6 points. */
  tolerance?: number;
  /** Newton iterations allowed; default 100 (a cold start takes 5–10, a bootstrap round 3–4). */
  maxIterations?: number;
}

export interface BradleyTerryFit {
  /** Highest first. */
  ratings: RatedModel[];
  iterations: number;
  /** False when the iteration cap came first (with l2 = 0 and a model that never lost, it will). */
  converged: boolean;
}

export interface BradleyTerrySettings extends EloScale {
  readonly l2: number;
  /** In natural units (tolerance in points / pointsPerNat), as the solver compares steps. */
  readonly tolerance: number;
  readonly maxIterations: number;
  /** Index into the models, or -1 for a mean anchor. */
  readonly anchorIndex: number;
  readonly anchorRating: number;
}

export function fitBradleyTerry(
  battles: readonly Battle[],
  options: BradleyTerryOptions = {},
): BradleyTerryFit {
  return fitBradleyTerryCounts(countBattles(battles), options);
}

export function fitBradleyTerryCounts(
  counts: BattleCounts,
  options: BradleyTerryOptions = {},
): BradleyTerryFit {
  const settings = resolveBradleyTerry(options, counts.models);
  const theta = new Float64Array(counts.models.length);
  const { iterations, converged } = solveCounts(counts, settings, theta);
  const ratings = toRatings(theta, settings, new Float64Array(theta.length));
  return {
    ratings: sortByRating(counts.models.map((model, i) => ({ model, rating: ratings[i]! }))),
    iterations,
    converged,
  };
}

export function resolveBradleyTerry(
  options: BradleyTerryOptions,
  models: readonly string[],
): BradleyTerrySettings {
  const scale = resolveScale(options);
  const l2 = options.l2 ?? 1e-3;
  if (!Number.isFinite(l2) || l2 < 0) throw invalidInput('l2', `must be >= 0, got ${l2}`);
  const tolerance = requirePositive(options.tolerance ?? 1e-6, 'tolerance') / scale.pointsPerNat;
  const maxIterations = requirePositiveInteger(options.maxIterations ?? 100, 'maxIterations');
  const { anchor } = options;
  let anchorIndex = -1;
  if (anchor !== undefined) {
    anchorIndex = models.indexOf(anchor.model);
    if (anchorIndex < 0) {
      throw invalidInput(
        'anchor.model',
        `must be one of the battles' models, got '${anchor.model}'`,
      );
    }
    requireFinite(anchor.rating, 'anchor.rating');
  }
  const anchorRating = anchor?.rating ?? scale.initialRating;
  return { ...scale, l2, tolerance, maxIterations, anchorIndex, anchorRating };
}

/** Fits `counts` into `theta` (natural units, warm-started from its contents). */
export function solveCounts(
  counts: BattleCounts,
  settings: BradleyTerrySettings,
  theta: Float64Array,
): SolverResult {
  const solver = createBradleyTerrySolver(
    counts.models.length,
    counts.first,
    counts.second,
    settings,
  );
  const a = new Float64Array(counts.first.length);
  const b = new Float64Array(counts.first.length);
  splitTies(toCells(counts), a, b);
  return requireConnected(solver.solve(a, b, theta));
}

/** One cell per (pair, outcome): pair p's first wins, second wins and ties at 3p, 3p+1, 3p+2. */
export function toCells(counts: BattleCounts): Float64Array {
  const cells = new Float64Array(3 * counts.first.length);
  for (let p = 0; p < counts.first.length; p++) {
    cells[3 * p] = counts.firstWins[p]!;
    cells[3 * p + 1] = counts.secondWins[p]!;
    cells[3 * p + 2] = counts.ties[p]!;
  }
  return cells;
}

/** Each pair's wins for its first (a) and second (b) model, a tie counting half a win each way as
 * in FastChat (outcome 0.5 in its logistic loss). */
export function splitTies(cells: Float64Array, a: Float64Array, b: Float64Array): void {
  for (let p = 0; p < a.length; p++) {
    a[p] = cells[3 * p]! + cells[3 * p + 2]! / 2;
    b[p] = cells[3 * p + 1]! + cells[3 * p + 2]! / 2;
  }
}

export function requireConnected(result: SolverResult): SolverResult {
  if (!result.connected) {
    throw invalidInput(
      'battles',
      'leave some models with no chain of battles to the others, so no rating difference ' +
        'between the groups exists; set l2 > 0 to centre each group on the mean',
    );
  }
  return result;
}

/** Natural-scale strengths to Elo-scale ratings, shifted to the anchor, into `out`. */
export function toRatings(
  theta: Float64Array,
  settings: BradleyTerrySettings,
  out: Float64Array,
): Float64Array {
  let reference = 0;
  if (settings.anchorIndex >= 0) reference = theta[settings.anchorIndex]!;
  else for (const value of theta) reference += value / theta.length;
  for (let i = 0; i < theta.length; i++) {
    out[i] = settings.anchorRating + (theta[i]! - reference) * settings.pointsPerNat;
  }
  return out;
}
