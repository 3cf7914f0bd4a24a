// Collects every field at fault before throwing, so one InvalidInputError tells a client all that
// is wrong with a request (an annotation UI shows them at once). A failed check returns a
// placeholder and the caller goes on; `throwIfInvalid` ends the validation.
import type { InvalidInputDetail } from '@repo/core';
import { invalidFields } from './store-errors.js';

/** Size limits, here so that an app can show them next to its inputs. */
export const FEEDBACK_LIMITS = {
  idLength: 200,
  textLength: 200_000,
  commentLength: 10_000,
  reasons: 20,
  tagLength: 100,
  criteria: 20,
  metadataKeys: 50,
  rankingCandidates: 16,
  promptMessages: 1_000,
} as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FieldChecks {
  readonly details: InvalidInputDetail[] = [];

  fail(field: string, reason: string): void {
    this.details.push({ field, reason });
  }

  text(value: unknown, field: string, max: number, nonEmpty = false): string {
    if (typeof value !== 'string') this.fail(field, 'must be a string');
    else if (nonEmpty && value.trim() === '') this.fail(field, 'must not be empty');
    else if (value.length > max) this.fail(field, `must be at most ${max} characters`);
    else return value;
    return '';
  }

  /** Ids and names: a non-blank string of at most 200 characters. */
  id(value: unknown, field: string): string {
    return this.text(value, field, FEEDBACK_LIMITS.idLength, true);
  }

  optional<T>(value: unknown, check: (present: unknown) => T): T | undefined {
    return value === undefined ? undefined : check(value);
  }

  oneOf<T>(value: unknown, field: string, allowed: readonly T[]): T {
    if (allowed.includes(value as T)) return value as T;
    this.fail(field, `must be one of ${allowed.join(', ')}`);
    return allowed[0] as T;
  }

  integer(value: unknown, field: string, min: number, max: number): number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
      return value;
    this.fail(field, `must be an integer from ${min} to ${max}`);
    return min;
  }

  array(value: unknown, field: string, min: number, max: number): unknown[] {
    if (!Array.isArray(value)) this.fail(field, 'must be an array');
    else if (value.length < min || value.length > max)
      this.fail(field, `must hold ${min} to ${max} items`);
    else return value;
    return [];
  }

  /** A plain object holding JSON only (what jsonb stores and gives back unchanged). */
  json(value: unknown, field: string): Record<string, unknown> {
    if (!isRecord(value)) this.fail(field, 'must be an object');
    else if (!isJson(value)) this.fail(field, 'must hold JSON values only');
    else return value;
    return {};
  }

  date(value: unknown, field: string): Date {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
    this.fail(field, 'must be a valid Date');
    return new Date(0);
  }

  throwIfInvalid(what: string): void {
    if (this.details.length > 0) throw invalidFields(what, this.details);
  }
}

function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (isRecord(value) && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value).every(isJson);
  return false;
}
