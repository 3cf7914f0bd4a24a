// Token counting with the o200k_base ranks bundled in gpt-tokenizer (never fetched), so usage
// figures look like a hosted model's and token budgets in demos behave realistically.
// gpt-tokenizer rather than js-tiktoken: the same o200k counts, but its tables load in ~0.4 s
// instead of ~1.6 s here, a cost every offline demo's first request and every test file pays.
import { createRequire } from 'node:module';

interface Encoding {
  encode(text: string, options?: { disallowedSpecial?: Set<string> }): number[];
  decode(tokens: number[]): string;
}

let encoding: Encoding | undefined;

// Loaded on the first count, not at import: an app whose hosted provider is configured never pays.
function getEncoding(): Encoding {
  encoding ??= createRequire(import.meta.url)('gpt-tokenizer/encoding/o200k_base') as Encoding;
  return encoding;
}

// Special-token text such as "<|endoftext|>" is counted as plain text instead of throwing.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** Longest slice encoded at once (characters). */
export const TOKEN_SLICE = 512;

// BPE is quadratic in the length of one pre-token, and a run of Chinese text (or "aaaa…") with
// no space is one pre-token: 20,000 Chinese characters took 3.7 s in one call, 150,000 over two
// minutes, on the thread that serves every request. Long texts are encoded in slices of at most
// TOKEN_SLICE characters, cut at a whitespace where there is one (so ordinary text counts
// exactly) and never inside a surrogate pair; an unspaced run gains at most one token per cut.
function encode(text: string): number[] {
  const encoding = getEncoding();
  if (text.length <= TOKEN_SLICE) return encoding.encode(text, PLAIN_TEXT);
  const tokens: number[] = [];
  for (let start = 0; start < text.length;) {
    const end = sliceEnd(text, start);
    for (const token of encoding.encode(text.slice(start, end), PLAIN_TEXT)) tokens.push(token);
    start = end;
  }
  return tokens;
}

function sliceEnd(text: string, start: number): number {
  let end = Math.min(start + TOKEN_SLICE, text.length);
  if (end === text.length) return end;
  // Cut before the last whitespace of the slice: it starts the next word's pre-token anyway.
  for (let i = end - 1; i > start + TOKEN_SLICE / 2; i--) if (/\s/.test(text[i]!)) return i;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return end;
}

export function countTokens(text: string): number {
  return text === '' ? 0 : encode(text).length;
}

/** Cuts `text` to at most `maxTokens` tokens; a character split mid-token is dropped. */
export function truncateToTokens(text: string, maxTokens: number): string {
  const tokens = encode(text);
  if (tokens.length <= maxTokens) return text;
  return getEncoding()
    .decode(tokens.slice(0, maxTokens))
    .replace(/\uFFFD+$/u, '');
}
