// Duplicate and overlap detection keeps a short hash per row, never the row: canonical JSON
// (keys sorted, strings NFC-normalised, so key order, JSON spacing and Unicode composition do
// not hide a copy), SHA-256, first 128 bits as 22 base64 characters (about 100 bytes per row
// in a Map, so a million rows cost about 100 MB; a false match needs ~2^64 rows).
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function rowFingerprint(row: unknown): string {
  return createHash('sha256').update(canonicalJson(row)).digest('base64').slice(0, 22);
}
