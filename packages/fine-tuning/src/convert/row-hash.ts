// A row's identity for dedupe and the split: SHA-256 of its normalised content, so that two lines
// holding the same data (keys in another order, other spacing, composed or decomposed Unicode
// such as 한 / 한) are the same row, and a row's hash does not depend on where it sits in the file.
import { createHash } from 'node:crypto';
import { parseLine, type RowPlace } from './refuse.js';

/** JSON with keys sorted at every depth and every string in Unicode NFC. */
export function normaliseRow(line: string, place: RowPlace = {}): string {
  return JSON.stringify(sortKeys(parseLine(line, place)));
}

export function rowHash(line: string, place: RowPlace = {}, salt = ''): string {
  return createHash('sha256').update(salt).update(normaliseRow(line, place)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key.normalize('NFC')] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
