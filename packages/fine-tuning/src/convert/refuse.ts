// Every conversion error names the line (when the row came from a file) and the field, so that a
// refused row can be found and fixed in a file of a million lines (docs/conventions.md rule 11).
import { InvalidInputError } from '@repo/core';

/** Where a row came from: its 1-based line in the file, when there is one. */
export interface RowPlace {
  line?: number;
}

export function refuse(place: RowPlace, field: string, reason: string): never {
  const at = place.line === undefined ? field : `line ${place.line}: ${field}`;
  const where = place.line === undefined ? field : `Line ${place.line}: ${field}`;
  throw new InvalidInputError(`${where} ${reason}`, [{ field: at, reason }]);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The row as an object whose keys are all in `allowed`; a key outside it would be lost. */
export function objectWithKeys(
  value: unknown,
  allowed: readonly string[],
  place: RowPlace,
  field: string,
): Record<string, unknown> {
  if (!isObject(value)) refuse(place, field, 'must be a JSON object');
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      refuse(place, `${field}.${key}`, `is not a key this format has (${allowed.join(', ')})`);
  return value;
}

export function stringField(value: unknown, place: RowPlace, field: string): string {
  if (typeof value !== 'string') refuse(place, field, 'must be a string');
  return value;
}

export function optionalString(value: unknown, place: RowPlace, field: string): string | undefined {
  return value === undefined ? undefined : stringField(value, place, field);
}

/** One JSONL line as JSON, or a refusal naming the line. */
export function parseLine(line: string, place: RowPlace): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    return refuse(place, 'row', `is not valid JSON (${(error as Error).message})`);
  }
}
