// Token counting with js-tiktoken's bundled o200k_base ranks (GPT-4o's tokenizer), fully offline.
// Not LangChain's getEncoding / TokenTextSplitter: those download the tables at run time and hang
// without a network. The ranks are loaded on the first count (≈1 s), not at import, so an app that
// never splits by tokens never pays for them.
import { createRequire } from 'node:module';
import { Tiktoken } from 'js-tiktoken/lite';

let encoder: Tiktoken | undefined;

function getEncoder(): Tiktoken {
  encoder ??= new Tiktoken(
    createRequire(import.meta.url)('js-tiktoken/ranks/o200k_base') as ConstructorParameters<
      typeof Tiktoken
    >[0],
  );
  return encoder;
}

/** o200k_base tokens in `text`; special-token text such as `<|endoftext|>` counts as plain text. */
export function countTokens(text: string): number {
  return text === '' ? 0 : getEncoder().encode(text, [], []).length;
}
