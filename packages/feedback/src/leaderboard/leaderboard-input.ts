// Option checks and the rating scale shared by the leaderboard functions. Bad input is core's
// InvalidInputError naming the field, so an app's error filter answers 400 with it.
import { invalidInput } from '../feedback-errors.js';

/** The Elo scale: P(i beats j) = 1 / (1 + base^((R_j − R_i) / scale)); Chatbot Arena's defaults. */
export interface EloScaleOptions {
  /** Rating points per factor of `base` in the odds; default 400. */
  scale?: number;
  /** Default 10. */
  base?: number;
  /** A new model's Elo rating, and the mean Bradley–Terry one without an anchor; default 1000. */
  initialRating?: number;
}

export interface EloScale {
  readonly scale: number;
  readonly base: number;
  readonly initialRating: number;
  /** Rating points per natural-log unit of odds: scale / ln(base). */
  readonly pointsPerNat: number;
}

export interface RatedModel {
  readonly model: string;
  readonly rating: number;
}

export function requirePositive(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) throw invalidInput(field, `must be > 0, got ${value}`);
  return value;
}

export function requireFinite(value: number, field: string): number {
  if (!Number.isFinite(value)) throw invalidInput(field, `must be a finite number, got ${value}`);
  return value;
}

export function requirePositiveInteger(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw invalidInput(field, `must be a whole number >= 1, got ${value}`);
  }
  return value;
}

export function resolveScale(options: EloScaleOptions): EloScale {
  const scale = requirePositive(options.scale ?? 400, 'scale');
  const base = options.base ?? 10;
  if (!Number.isFinite(base) || base <= 1) throw invalidInput('base', `must be > 1, got ${base}`);
  const initialRating = requireFinite(options.initialRating ?? 1000, 'initialRating');
  return { scale, base, initialRating, pointsPerNat: scale / Math.log(base) };
}

/** Highest rating first; equal ratings by model name, so the order never depends on input order. */
export function sortByRating<T extends RatedModel>(rows: T[]): T[] {
  return rows.sort((x, y) => y.rating - x.rating || (x.model < y.model ? -1 : 1));
}
