// Duplicate and overlap detection keeps a short hash per row, never the row: canonical JSON
// (keys sorted, strings NFC-normalised, so key order, JSON spacing and Unicode composition do
// not hide a copy), SHA-256, first 128 bits as 22 base64 characters (about 100 bytes per row
// in a Map, so a million rows cost about 100 MB; a false match needs ~2^64 rows).
import { createHash } from 'node:crypto';

/** Text without a character a normalisation could change (all of it below U+0300). */
const UNCHANGED_BY_NFC = /^[^\u0300-\uffff]*$/;

// Concatenation rather than map/join: this runs on every row and every string in it.
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(UNCHANGED_BY_NFC.test(value) ? value : value.normalize('NFC'));
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      out += canonicalJson(value[i]);
    }
    return out + ']';
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    let out = '{';
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] as string;
      if (i > 0) out += ',';
      out += JSON.stringify(key) + ':' + canonicalJson(record[key]);
    }
    return out + '}';
  }
  return JSON.stringify(value) ?? 'null';
}

export function rowFingerprint(row: unknown): string {
  return createHash('sha256').update(canonicalJson(row)).digest('base64').slice(0, 22);
}
