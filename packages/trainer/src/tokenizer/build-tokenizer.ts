// Builds the character vocabulary from training text (most frequent first, ties by code point, so
// the same corpus always gives the same ids) and loads a saved one back, checked.
import { InvalidInputError } from '@repo/core';
import { CharTokenizer, type TokenizerJson } from './char-tokenizer.js';

export interface BuildTokenizerOptions {
  /** Keep at most this many characters (default 4,000); the rest fall back to bytes. */
  maxCharacters?: number;
  /** Keep a character only if it appears at least this often (default 1). */
  minCount?: number;
}

export function buildCharTokenizer(
  texts: Iterable<string>,
  options: BuildTokenizerOptions = {},
): CharTokenizer {
  const { maxCharacters = 4000, minCount = 1 } = options;
  if (!Number.isInteger(maxCharacters) || maxCharacters < 0)
    throw new InvalidInputError('maxCharacters must be a whole number ≥ 0', [
      { field: 'maxCharacters', reason: 'must be a whole number ≥ 0' },
    ]);
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  const characters = [...counts]
    .filter(([, count]) => count >= minCount)
    .sort(
      ([a, countA], [b, countB]) =>
        countB - countA || (a.codePointAt(0) as number) - (b.codePointAt(0) as number),
    )
    .slice(0, maxCharacters)
    .map(([character]) => character);
  return new CharTokenizer(characters);
}

export function loadCharTokenizer(json: unknown): CharTokenizer {
  const value = json as Partial<TokenizerJson> | null;
  const fail = (field: string, reason: string) =>
    new InvalidInputError(`Not a saved tokenizer: ${field} ${reason}`, [{ field, reason }]);
  if (value?.kind !== 'char-byte-fallback') throw fail('kind', 'must be "char-byte-fallback"');
  if (value.version !== 1) throw fail('version', 'must be 1');
  if (!Array.isArray(value.characters)) throw fail('characters', 'must be an array');
  const seen = new Set<string>();
  value.characters.forEach((character, i) => {
    if (typeof character !== 'string' || [...character].length !== 1)
      throw fail(`characters[${i}]`, 'must be one character');
    if (seen.has(character)) throw fail(`characters[${i}]`, 'repeats an earlier character');
    seen.add(character);
  });
  return new CharTokenizer(value.characters);
}
