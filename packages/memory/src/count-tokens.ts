// A tokenizer-free token estimate for the token window: about one token per CJK character (Han,
// kana, Hangul: what GPT-4o/DeepSeek/Qwen tokenizers give on average) and one per four other
// characters (OpenAI's rule of thumb for English). Apps wanting exact counts pass a real
// tokenizer (js-tiktoken, the provider's) as `countTokens`.
import type { MessagePart } from '@repo/core';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Role, separators and framing the chat format adds around every message. */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** An image by reference: OpenAI's fixed low-detail cost. */
export const IMAGE_TOKENS = 85;

export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const other = [...text].length - cjk;
  return cjk + Math.ceil(other / 4);
}

function partText(part: MessagePart): string | undefined {
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return part.text;
    case 'tool-call':
      return `${part.name}${JSON.stringify(part.arguments)}`;
    case 'tool-result':
      return typeof part.result === 'string' ? part.result : JSON.stringify(part.result);
    case 'image':
      return undefined;
  }
}

/** Tokens of one message with the given counter: its parts plus a fixed per-message overhead. */
export function countMessageTokens(
  parts: readonly MessagePart[],
  countTokens: (text: string) => number,
): number {
  let tokens = MESSAGE_OVERHEAD_TOKENS;
  for (const part of parts) {
    const text = partText(part);
    tokens += text === undefined ? IMAGE_TOKENS : countTokens(text);
  }
  return tokens;
}
