// Embedding for the ingestion pipeline: batches, a bounded number of requests in flight, progress.
//
// No retries here, on purpose: one retry owner, the model (docs/conventions.md rule 12).
// @repo/providers' models retry what is worth retrying (429, 5xx, dropped connections) with backoff
// and Retry-After, so a failing batch reaches the provider at most 1 + maxRetries times. A second
// loop here would multiply that (3 x 3 = 9 requests with both at their defaults), and this layer
// cannot tell whether a model retries already. A model without retries of its own
// (MockEmbeddingModel, a user's EmbeddingModel) fails the ingest on its first error, before any
// write; wrapping its embed() in @repo/providers' withRetry gives it the same policy (README,
// "Retries").
import { AiError, type EmbeddingModel } from '@repo/core';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { mapConcurrent } from './map-concurrent.js';

export interface EmbedInBatchesOptions {
  /** Texts per request (capped by the model's `maxBatchSize`). */
  batchSize: number;
  /** Requests in flight at once. */
  concurrency: number;
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
      const response = await model.embed({
        input,
        signal: options.signal,
        ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
      });
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
