// Suite provider ids → models, through the same registry the apps use: `local`, `deepseek`,
// `qwen:qwen-max`, and promptfoo's `openai:chat:gpt-4o` (the `chat:` segment dropped). The models
// own retries (the runner and the judges call each once): one policy for a case's call, a judge's
// and an embedding grader's, and a failing call reaches the provider at most 1 + maxRetries times.
import type { ChatModel, EmbeddingModel } from '@repo/core';
import type { LocalLlm } from '@repo/local-llm';
import { createModelRegistry, type RetryOptions } from '@repo/providers';

export interface ModelResolver {
  chat(id?: string): ChatModel;
  embedding(id?: string): EmbeddingModel;
}

export interface ModelResolverOptions {
  env?: Record<string, string | undefined>;
  /** The embedded model to use for `local` (to script replies or inject faults). */
  localLlm?: LocalLlm;
  timeoutMs?: number;
  /** The models' retries on 429, 5xx and dropped connections (default: maxRetries 2). */
  retry?: RetryOptions;
}

export function createModelResolver(options: ModelResolverOptions = {}): ModelResolver {
  const registry = createModelRegistry(options.env ?? process.env, {
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.localLlm ? { localLlm: options.localLlm } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return {
    chat: (id) => registry.chat(id === undefined ? undefined : normalizeProviderId(id)),
    embedding: (id) => registry.embedding(id === undefined ? undefined : normalizeProviderId(id)),
  };
}

/** `openai:chat:gpt-4o` → `openai:gpt-4o`; `openai:embedding:x` → `openai:x`. */
export function normalizeProviderId(id: string): string {
  return id.replace(/^([\w-]+):(?:chat|completion|embedding|embeddings):/, '$1:');
}
