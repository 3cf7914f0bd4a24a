// Embedding for the ingestion pipeline: batches, a bounded number of requests in flight, and
// retries for the failures worth retrying (core's `ProviderError.retryable`: rate limits, 5xx,
// dropped connections), with exponential backoff or the provider's Retry-After. Anything else
// (a bad key, a bad request) fails at once. Providers built by @repo/providers retry on their own
// too; give one of the two layers `retries: 0` or the attempts multiply.
import { AiError, RateLimitError, isRetryableError, sleep, type EmbeddingModel } from '@repo/core';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { mapConcurrent } from './map-concurrent.js';

export interface EmbedInBatchesOptions {
  /** Texts per request (capped by the model's `maxBatchSize`). */
  batchSize: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Retries after the first attempt of a batch. */
  retries: number;
  /** First backoff in ms; doubles per retry, capped at 30 s. */
  retryDelayMs: number;
  /** Requested output size, for models that can shorten their vectors. */
  dimensions?: number;
  signal?: AbortSignal;
  /** Called after each batch with the number of texts embedded so far. */
  onBatch?: (embedded: number) => void;
}

export interface EmbedInBatchesResult {
  embeddings: number[][];
  /** Tokens the provider reported (what the run cost). */
  tokens: number;
}

const MAX_DELAY_MS = 30_000;

export async function embedInBatches(
  model: EmbeddingModel,
  texts: readonly string[],
  options: EmbedInBatchesOptions,
): Promise<EmbedInBatchesResult> {
  const size = Math.max(1, Math.min(options.batchSize, model.maxBatchSize ?? Infinity));
  const batches: string[][] = [];
  for (let start = 0; start < texts.length; start += size)
    batches.push(texts.slice(start, start + size));
  let embedded = 0;
  let tokens = 0;
  const results = await mapConcurrent(
    batches,
    options.concurrency,
    async (input) => {
      // An in-process model (the embedded local-llm) answers without a turn of the event loop:
      // without this, 4,500 chunks held timers and requests for over a second.
      await nextTurn();
      const response = await withRetries(
        () =>
          model.embed({
            input,
            signal: options.signal,
            ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
          }),
        options,
      );
      if (response.embeddings.length !== input.length)
        throw new AiError(
          `${model.provider}/${model.modelId} returned ${response.embeddings.length} vectors for ${input.length} texts`,
          { code: 'embedding_count_mismatch' },
        );
      tokens += response.usage.totalTokens;
      embedded += input.length;
      options.onBatch?.(embedded);
      return response.embeddings;
    },
    options.signal,
  );
  return { embeddings: results.flat(), tokens };
}

async function withRetries<T>(
  attempt: () => Promise<T>,
  options: EmbedInBatchesOptions,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (retry >= options.retries || !isRetryableError(error) || options.signal?.aborted)
        throw error;
      const hinted = error instanceof RateLimitError ? error.retryAfterMs : undefined;
      await sleep(
        Math.min(hinted ?? options.retryDelayMs * 2 ** retry, MAX_DELAY_MS),
        options.signal,
      );
    }
  }
}
