// Bootstrap confidence intervals for Bradley–Terry ratings, as Chatbot Arena reports them: refit on
// resampled battles, take the median and the 2.5/97.5 percentiles per model. Resampling N battles
// with replacement only changes how many times each (pair, outcome) cell occurs, and those numbers
// are Multinomial(N, cell counts / N), so a round draws 3 numbers per pair instead of N battles —
// FastChat's `compute_bootstrap_bt` does the same
// (https://github.com/lm-sys/FastChat/blob/main/fastchat/serve/monitor/rating_systems.py).
import type { Battle, BattleCounts } from './battles.js';
import { countBattles } from './battles.js';
import { createBradleyTerrySolver } from './bradley-terry-solver.js';
import type { BradleyTerryOptions } from './bradley-terry.js';
import {
  requireConnected,
  resolveBradleyTerry,
  solveCounts,
  splitTies,
  toCells,
  toRatings,
} from './bradley-terry.js';
import type { RatedModel } from './leaderboard-input.js';
import { requirePositiveInteger, sortByRating } from './leaderboard-input.js';
import { invalidInput } from '../feedback-errors.js';
import { createRandom, sampleMultinomial } from './random.js';

export interface BootstrapOptions extends BradleyTerryOptions {
  /** Resamples; default 1,000 (FastChat's `num_round`). */
  rounds?: number;
  /** Any 32-bit integer; default 0. The same seed and battles give identical intervals. */
  seed?: number;
  /** Central interval width; default 0.95 (the 2.5th to 97.5th percentile). */
  confidence?: number;
}

export interface RatingInterval extends RatedModel {
  /** `rating` is the fit on all battles; the rest describe the resampled fits. */
  readonly median: number;
  readonly lower: number;
  readonly upper: number;
}

export interface BootstrapResult {
  /** Highest point estimate first. With an anchor, the anchor's interval is a single point. */
  ratings: RatingInterval[];
  rounds: number;
  seed: number;
  /** Rounds that hit `maxIterations`; their last iterate is kept, as FastChat keeps L-BFGS's. */
  unconvergedRounds: number;
}

export function bootstrapBradleyTerry(
  battles: readonly Battle[],
  options: BootstrapOptions = {},
): BootstrapResult {
  return bootstrapBradleyTerryCounts(countBattles(battles), options);
}

export function bootstrapBradleyTerryCounts(
  counts: BattleCounts,
  options: BootstrapOptions = {},
): BootstrapResult {
  const settings = resolveBradleyTerry(options, counts.models);
  const rounds = requirePositiveInteger(options.rounds ?? 1000, 'rounds');
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw invalidInput('seed', `must be an integer, got ${seed}`);
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw invalidInput('confidence', `must be between 0 and 1, got ${confidence}`);
  }
  const m = counts.models.length;
  const pairs = counts.first.length;
  const fitted = new Float64Array(m);
  solveCounts(counts, settings, fitted);
  const pointRatings = toRatings(fitted, settings, new Float64Array(m));

  const cells = toCells(counts);
  const drawn = new Float64Array(cells.length);
  const a = new Float64Array(pairs);
  const b = new Float64Array(pairs);
  const theta = new Float64Array(m);
  const roundRatings = new Float64Array(m);
  const samples = new Float64Array(m * rounds); // model-major, so each model sorts a subarray
  const solver = createBradleyTerrySolver(m, counts.first, counts.second, settings);
  const random = createRandom(seed);
  let unconvergedRounds = 0;
  for (let round = 0; round < rounds; round++) {
    sampleMultinomial(counts.total, cells, random, drawn);
    splitTies(drawn, a, b);
    theta.set(fitted); // warm start: a resample's optimum lies close to the full data's
    if (!requireConnected(solver.solve(a, b, theta)).converged) unconvergedRounds++;
    toRatings(theta, settings, roundRatings);
    for (let i = 0; i < m; i++) samples[i * rounds + round] = roundRatings[i]!;
  }

  const tail = (1 - confidence) / 2;
  const ratings = counts.models.map((model, i) => {
    const sorted = samples.subarray(i * rounds, (i + 1) * rounds).sort();
    return {
      model,
      rating: pointRatings[i]!,
      median: quantile(sorted, 0.5),
      lower: quantile(sorted, tail),
      upper: quantile(sorted, 1 - tail),
    };
  });
  return { ratings: sortByRating(ratings), rounds, seed, unconvergedRounds };
}

/** Linear interpolation between order statistics: numpy's default, as FastChat's pandas uses. */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return low + (high - low) * (position - below);
}
