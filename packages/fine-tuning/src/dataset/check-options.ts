// Option checks shared by the dataset functions: a bad option is an InvalidInputError naming it.
import { InvalidInputError } from '@repo/core';

/** `value` if it is a whole number ≥ `min` (default 1), else an InvalidInputError on `field`. */
export function wholeNumber(value: number, field: string, min = 1): number {
  if (!Number.isInteger(value) || value < min) {
    const reason = `must be a whole number ≥ ${min}`;
    throw new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);
  }
  return value;
}
