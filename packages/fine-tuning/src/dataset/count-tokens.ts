// Token counts per example, the OpenAI cookbook's way: 3 tokens per message, 1 more for a name,
// 3 per conversation, plus the encoded text of every string field. Tool calls count their name
// and arguments, tool definitions their JSON text (approximations: the exact rendering is not
// published). Special-token strings in the data are counted as plain text, never rejected.
import type { DatasetFormat } from '../formats.js';
import { asList, isObject } from './check-messages.js';
import type { EncodingName } from './model-limits.js';

export interface Tokenizer {
  encoding: EncodingName;
  count(text: string): number;
}

/**
 * Loads the encoding on first use (each table is a few MB, so only the one asked for).
 * `mergeCacheSize` bounds gpt-tokenizer's cache of merged pieces (100,000 by default), for the
 * whole thread: the validation workers keep it small so their heaps stay small.
 */
export async function loadTokenizer(
  encoding: EncodingName,
  tuning: { mergeCacheSize?: number } = {},
): Promise<Tokenizer> {
  const module =
    encoding === 'cl100k_base'
      ? await import('gpt-tokenizer/encoding/cl100k_base')
      : await import('gpt-tokenizer/encoding/o200k_base');
  if (tuning.mergeCacheSize !== undefined) module.setMergeCacheSize(tuning.mergeCacheSize);
  const options = { disallowedSpecial: new Set<string>() };
  return { encoding, count: (text) => module.countTokens(text, options) };
}

export interface ExampleTokens {
  /** What training reads (DPO: both sequences). */
  total: number;
  /** Assistant text and tool calls (DPO: the preferred output; completion: the completion). */
  assistant: number;
  /** The longest single sequence, what must fit the context. */
  longest: number;
}

const PER_MESSAGE = 3;
const PER_NAME = 1;
const PER_CONVERSATION = 3;

export function countExampleTokens(
  row: Record<string, unknown>,
  format: DatasetFormat,
  tokenizer: Tokenizer,
): ExampleTokens {
  if (format === 'completion') {
    const completion = tokenizer.count(String(row.completion));
    const total = tokenizer.count(String(row.prompt)) + completion;
    return { total, assistant: completion, longest: total };
  }
  if (format === 'sft') {
    const total = conversationTokens(row, asList(row.messages), tokenizer);
    return { total, assistant: assistantTokens(asList(row.messages), tokenizer), longest: total };
  }
  const input = isObject(row.input) ? row.input : {};
  const prompt = asList(input.messages);
  const chosen = conversationTokens(input, [...prompt, ...asList(row.preferred_output)], tokenizer);
  const rejected = conversationTokens(
    input,
    [...prompt, ...asList(row.non_preferred_output)],
    tokenizer,
  );
  const assistant = assistantTokens(asList(row.preferred_output), tokenizer);
  return { total: chosen + rejected, assistant, longest: Math.max(chosen, rejected) };
}

function conversationTokens(
  holder: Record<string, unknown>,
  messages: unknown[],
  tokenizer: Tokenizer,
): number {
  let tokens = PER_CONVERSATION;
  if (holder.tools !== undefined) tokens += tokenizer.count(JSON.stringify(holder.tools));
  for (const message of messages) tokens += messageTokens(message, tokenizer);
  return tokens;
}

export function messageTokens(message: unknown, tokenizer: Tokenizer): number {
  if (!isObject(message)) return 0;
  let tokens = PER_MESSAGE;
  for (const [key, value] of Object.entries(message)) {
    if (key === 'weight') continue;
    tokens += valueTokens(value, tokenizer);
    if (key === 'name') tokens += PER_NAME;
  }
  return tokens;
}

function valueTokens(value: unknown, tokenizer: Tokenizer): number {
  if (typeof value === 'string') return tokenizer.count(value);
  if (!Array.isArray(value)) return 0;
  let tokens = 0;
  for (const item of value) {
    if (!isObject(item)) continue;
    if (typeof item.text === 'string') tokens += tokenizer.count(item.text);
    if (isObject(item.function))
      tokens +=
        valueTokens(item.function.name, tokenizer) +
        valueTokens(item.function.arguments, tokenizer);
  }
  return tokens;
}

function assistantTokens(messages: unknown[], tokenizer: Tokenizer): number {
  let tokens = 0;
  for (const m of messages)
    if (isObject(m) && m.role === 'assistant')
      tokens += valueTokens(m.content, tokenizer) + valueTokens(m.tool_calls, tokenizer);
  return tokens;
}
