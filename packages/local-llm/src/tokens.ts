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

function encode(text: string): number[] {
  return getEncoding().encode(text, PLAIN_TEXT);
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
