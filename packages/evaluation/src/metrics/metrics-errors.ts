// The metrics' one narrow error (docs/conventions.md rule 11): bad input to a deterministic metric or
// statistic (vectors of different lengths, k > n, an invalid JSON schema, a text over a metric's
// size limit). It is an InvalidInputError, so an app's error filter answers 400 with the field at
// fault.
import { InvalidInputError } from '@repo/core';
import type { AiErrorOptions, InvalidInputDetail } from '@repo/core';

export class MetricInputError extends InvalidInputError {
  constructor(message: string, details: InvalidInputDetail[] = [], options: AiErrorOptions = {}) {
    super(message, details, { code: 'invalid_metric_input', ...options });
  }
}

/**
 * What the metrics whose cost grows faster than their input accept. Edit distance and ROUGE-L fill
 * an |a|·|b| table: 10,000 per side is 10⁸ cells, under a second; two 150 KB texts were 20 s of
 * blocked CPU. N-gram orders above 10 measure nothing useful and cost |tokens|·n each.
 */
export const METRIC_LIMITS = {
  /** Characters (code points) per text for `levenshtein`. */
  maxEditDistanceLength: 10_000,
  /** Tokens per text for `rougeL` (its longest common subsequence). */
  maxLcsTokens: 10_000,
  /** Highest `n` of `rougeN` and `maxN` of `bleu`. */
  maxNgramOrder: 10,
} as const;

/** Throws unless `value` is a whole number >= 1 (an n-gram order, an iteration count). */
export function requirePositiveInteger(value: number, field: string, owner: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new MetricInputError(`${owner}: ${field} must be a whole number >= 1, got ${value}`, [
      { field, reason: 'must be an integer >= 1' },
    ]);
  }
}

/** Throws unless `value` is a whole number in 1..METRIC_LIMITS.maxNgramOrder. */
export function requireNgramOrder(value: number, field: string, owner: string): void {
  requirePositiveInteger(value, field, owner);
  const max = METRIC_LIMITS.maxNgramOrder;
  if (value > max)
    throw new MetricInputError(`${owner}: ${field} must be at most ${max}, got ${value}`, [
      { field, reason: `must be at most ${max}` },
    ]);
}

/** Throws when a text is longer than a metric accepts, naming the limit and the length. */
export function requireSizeWithin(
  size: number,
  limit: number,
  unit: 'characters' | 'tokens',
  field: string,
  owner: string,
): void {
  if (size > limit)
    throw new MetricInputError(
      `${owner} accepts at most ${limit} ${unit} per text; ${field} has ${size}`,
      [{ field, reason: `has ${size} ${unit}; the limit is ${limit}` }],
    );
}
