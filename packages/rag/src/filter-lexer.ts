// Tokens of Spring AI's portable filter language (`genre == 'drama' && year >= 2020`). Each token
// keeps its 0-based position so that syntax errors can point at the column.
import { FilterSyntaxError } from './rag-errors.js';

export interface FilterToken {
  /** `word`: a key or a keyword (and, or, not, in, nin, true, false, null), told apart by the parser. */
  kind: 'word' | 'string' | 'number' | 'symbol' | 'end';
  /** The source text of the token (`'drama'` with its quotes). */
  text: string;
  position: number;
  /** The decoded string or number. */
  value?: string | number;
}

// Keys are letters of any script (CJK metadata keys work), digits and `_`, with dotted paths.
const WORD = /[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*/uy;
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const SYMBOLS = ['==', '!=', '>=', '<=', '&&', '||', '>', '<', '!', '(', ')', '[', ']', ','];
// The usual near-misses get a pointed hint rather than "unexpected character".
const NEAR_MISSES: Record<string, string> = { '=': "'=='", '&': "'&&'", '|': "'||'" };
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

export function tokenizeFilter(filter: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let at = 0;
  while (at < filter.length) {
    const char = filter[at] ?? '';
    if (/\s/u.test(char)) {
      at += 1;
      continue;
    }
    const token =
      char === "'" || char === '"' ? readString(filter, at) : readUnquoted(filter, at, char);
    tokens.push(token);
    at += token.text.length;
  }
  tokens.push({ kind: 'end', text: '', position: filter.length });
  return tokens;
}

function readUnquoted(filter: string, at: number, char: string): FilterToken {
  const number = match(NUMBER, filter, at);
  if (number !== undefined) return { kind: 'number', text: number, position: at, value: +number };
  const word = match(WORD, filter, at);
  if (word !== undefined) return { kind: 'word', text: word, position: at };
  const symbol = SYMBOLS.find((candidate) => filter.startsWith(candidate, at));
  if (symbol !== undefined) return { kind: 'symbol', text: symbol, position: at };
  throw new FilterSyntaxError({
    filter,
    position: at,
    expected: NEAR_MISSES[char] ?? 'a key, a value, an operator or a parenthesis',
    found: char,
  });
}

function match(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

function readString(filter: string, start: number): FilterToken {
  const quote = filter[start];
  let value = '';
  let at = start + 1;
  while (at < filter.length) {
    const char = filter[at] ?? '';
    if (char === quote) {
      return { kind: 'string', text: filter.slice(start, at + 1), position: start, value };
    }
    if (char !== '\\') {
      value += char;
      at += 1;
      continue;
    }
    const escaped = filter[at + 1] ?? '';
    const hex = escaped === 'u' ? filter.slice(at + 2, at + 6) : '';
    if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
      value += String.fromCharCode(parseInt(hex, 16));
      at += 6;
    } else {
      // Like JavaScript, an unknown escape stands for the character itself (`\'`, `\\`, `\"`).
      value += ESCAPES[escaped] ?? escaped;
      at += 2;
    }
  }
  throw new FilterSyntaxError({
    filter,
    position: filter.length,
    expected: `a closing ${quote} for the string that starts at position ${start}`,
  });
}
