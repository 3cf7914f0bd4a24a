// A deterministic train/validation split: each row's side comes from a hash of the seed and its
// normalised content, so the same row always lands on the same side whatever the file's order,
// duplicates never straddle the split, and a row appended later does not move the others.
import { refuse, type RowPlace } from './refuse.js';
import { rowHash } from './row-hash.js';

export interface SplitOptions {
  /** Share of rows for validation, greater than 0 and less than 1. */
  validationFraction: number;
  /** Another seed, another split; default 0. */
  seed?: number | string;
}

export type SplitSide = 'train' | 'validation';

/** The side of one row: the hash's first 52 bits as a number in [0, 1), below the fraction. */
export function splitSideOf(line: string, options: SplitOptions, place: RowPlace = {}): SplitSide {
  const fraction = checkFraction(options.validationFraction);
  const hash = rowHash(line, place, `${String(options.seed ?? 0)}\n`);
  return parseInt(hash.slice(0, 13), 16) / 2 ** 52 < fraction ? 'validation' : 'train';
}

/** Blank lines are left out; lines keep their text. */
export function splitDataset(
  lines: Iterable<string>,
  options: SplitOptions,
): { train: string[]; validation: string[] } {
  checkFraction(options.validationFraction);
  const split = { train: [] as string[], validation: [] as string[] };
  let line = 0;
  for (const text of lines) {
    line += 1;
    if (text.trim() !== '') split[splitSideOf(text, options, { line })].push(text);
  }
  return split;
}

function checkFraction(fraction: number): number {
  if (!(typeof fraction === 'number' && fraction > 0 && fraction < 1))
    refuse({}, 'validationFraction', 'must be a number greater than 0 and less than 1');
  return fraction;
}
