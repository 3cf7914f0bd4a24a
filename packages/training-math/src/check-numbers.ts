// Every input is checked before any arithmetic: a zero, negative, NaN or fractional count would
// otherwise come back as a confident-looking Infinity or NaN. One InvalidInputError names the field.
import { InvalidInputError } from '@repo/core';

export function positive(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw new InvalidInputError(`${field} must be a positive number (got ${String(value)})`, [
      { field, reason: 'must be a positive number' },
    ]);
  return value;
}

export function wholePositive(value: number, field: string): number {
  positive(value, field);
  if (!Number.isInteger(value))
    throw new InvalidInputError(`${field} must be a whole number (got ${value})`, [
      { field, reason: 'must be a whole number' },
    ]);
  return value;
}

export function fraction(value: number, field: string): number {
  positive(value, field);
  if (value > 1)
    throw new InvalidInputError(`${field} must be at most 1 (got ${value})`, [
      { field, reason: 'must be between 0 and 1' },
    ]);
  return value;
}
