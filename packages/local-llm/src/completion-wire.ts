// The wire shapes of a chat completion shared by the stand-in's replies and trained models: the
// head every body and chunk carries, usage, a stream chunk, a whole (non-streamed) completion.
import { newId } from './ids.js';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details: { reasoning_tokens: number };
}

export interface CompletionHead {
  id: string;
  object: 'chat.completion' | 'chat.completion.chunk';
  created: number;
  model: string;
}

export function completionHead(model: string): CompletionHead {
  return {
    id: newId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
  };
}

export function usageOf(prompt: number, completion: number, reasoning = 0): Usage {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    completion_tokens_details: { reasoning_tokens: reasoning },
  };
}

/** Makes the stream's chunks: each a `chat.completion.chunk` with one choice's delta. */
export function chunkMaker(head: CompletionHead) {
  const chunkHead = { ...head, object: 'chat.completion.chunk' as const };
  return {
    chunk: (delta: Record<string, unknown>, finish: string | null = null) => ({
      ...chunkHead,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    }),
    /** The last chunk when `stream_options.include_usage` is true: no choices, the usage. */
    usage: (usage: Usage) => ({ ...chunkHead, choices: [], usage }),
  };
}

export function completionBody(
  head: CompletionHead,
  message: Record<string, unknown>,
  finishReason: string,
  usage: Usage,
) {
  return {
    ...head,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
    usage,
  };
}
