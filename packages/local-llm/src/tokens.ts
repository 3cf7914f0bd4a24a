// Token counting with the o200k_base ranks bundled in js-tiktoken (never fetched), so usage
// figures look like a hosted model's and token budgets in demos behave realistically.
import { createRequire } from 'node:module';
import { Tiktoken, type TiktokenBPE } from 'js-tiktoken/lite';

let encoder: Tiktoken | undefined;

// Building the encoder parses ~200k ranks (about half a second), and even importing the ranks
// module costs ~70 ms: both happen on the first count, not at import, so an app that never
// touches the embedded model (a hosted provider is configured) does not pay for them at boot.
function getEncoder(): Tiktoken {
  encoder ??= new Tiktoken(
    createRequire(import.meta.url)('js-tiktoken/ranks/o200k_base') as TiktokenBPE,
  );
  return encoder;
}

// Special-token text such as "<|endoftext|>" is counted as plain text instead of throwing.
function encode(text: string): number[] {
  return getEncoder().encode(text, [], []);
}

export function countTokens(text: string): number {
  return text === '' ? 0 : encode(text).length;
}

/** Cuts `text` to at most `maxTokens` tokens; a character split mid-token is dropped. */
export function truncateToTokens(text: string, maxTokens: number): string {
  const tokens = encode(text);
  if (tokens.length <= maxTokens) return text;
  return getEncoder()
    .decode(tokens.slice(0, maxTokens))
    .replace(/\uFFFD+$/u, '');
}
