// The metrics' one narrow error (HOUSE-STYLE rule 11): bad input to a deterministic metric or
// statistic (vectors of different lengths, k > n, an invalid JSON schema). It is an
// InvalidInputError, so an app's error filter answers 400 with the field at fault.
import { InvalidInputError } from '@repo/core';
import type { AiErrorOptions, InvalidInputDetail } from '@repo/core';

export class MetricInputError extends InvalidInputError {
  constructor(message: string, details: InvalidInputDetail[] = [], options: AiErrorOptions = {}) {
    super(message, details, { code: 'invalid_metric_input', ...options });
  }
}

/** Throws unless `value` is a whole number >= 1 (an n-gram order, an iteration count). */
export function requirePositiveInteger(value: number, field: string, owner: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new MetricInputError(`${owner}: ${field} must be a whole number >= 1, got ${value}`, [
      { field, reason: 'must be an integer >= 1' },
    ]);
  }
}
