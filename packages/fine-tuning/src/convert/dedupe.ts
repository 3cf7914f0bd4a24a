// Exact dedupe by normalised content (row-hash.ts): the first occurrence is kept, later ones are
// dropped and reported with the line they repeat. Memory grows with the unique rows (one hash
// each), not with the rows' size.
import type { RowPlace } from './refuse.js';
import { rowHash } from './row-hash.js';

export interface DuplicateRow {
  /** 1-based line of the dropped row. */
  line: number;
  /** 1-based line of the row it repeats. */
  sameAs: number;
}

export interface DedupeResult {
  lines: string[];
  dropped: number;
  duplicates: DuplicateRow[];
}

/** For streams: `keep(line)` says whether a row is new; duplicates are listed as they come. */
export function createDeduper() {
  const firstLine = new Map<string, number>();
  const duplicates: DuplicateRow[] = [];
  return {
    keep(text: string, place: Required<RowPlace>): boolean {
      const hash = rowHash(text, place);
      const sameAs = firstLine.get(hash);
      if (sameAs === undefined) firstLine.set(hash, place.line);
      else duplicates.push({ line: place.line, sameAs });
      return sameAs === undefined;
    },
    duplicates,
  };
}

/** Blank lines are left out and not counted as duplicates. */
export function dedupe(lines: Iterable<string>): DedupeResult {
  const deduper = createDeduper();
  const kept: string[] = [];
  let line = 0;
  for (const text of lines) {
    line += 1;
    if (text.trim() !== '' && deduper.keep(text, { line })) kept.push(text);
  }
  return { lines: kept, dropped: deduper.duplicates.length, duplicates: deduper.duplicates };
}
