// The one EmbeddingModel for every OpenAI-compatible provider. Batches above the provider's limit,
// keeps input order (by `index`), decodes base64 float32 itself so a provider that ignores
// `encoding_format` and answers with plain arrays still works.
import type { EmbeddingModel, EmbeddingRequest, EmbeddingResponse } from '@repo/core';
import type { CreateEmbeddingResponse } from 'openai/resources/embeddings';
import { DEFAULT_TIMEOUT_MS } from './attempt-signal.js';
import { createClientProvider, type ConnectionOptions } from './openai-client.js';
import { runAttempt } from './run-attempt.js';
import { resolveRetryOptions, withRetry, type RetryOptions } from './retry.js';

export interface OpenAICompatibleEmbeddingModelOptions extends ConnectionOptions {
  model: string;
  /** Ask for vectors of this length (sent as `dimensions`; models that can shorten them). */
  dimensions?: number;
  /** The model's native vector length, when known; reported, never sent. */
  knownDimensions?: number;
  maxBatchSize?: number;
  /** Wire format (default `float`); `base64` where the provider supports it. */
  encodingFormat?: 'float' | 'base64';
  retry?: RetryOptions;
  timeoutMs?: number;
}

export function createOpenAICompatibleEmbeddingModel(
  options: OpenAICompatibleEmbeddingModelOptions,
): EmbeddingModel {
  const { provider } = options;
  const retry = resolveRetryOptions(options.retry);
  const clientFor = createClientProvider(options);
  const batchSize = options.maxBatchSize ?? 2048;
  const encodingFormat = options.encodingFormat ?? 'float';

  function embedBatch(request: EmbeddingRequest, input: string[], model: string) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const dimensions = request.dimensions ?? options.dimensions;
    const settings = { clientFor, provider, model, signal: request.signal, timeoutMs };
    return runAttempt(settings, (client, requestOptions): Promise<CreateEmbeddingResponse> =>
      client.embeddings.create(
        {
          model,
          input,
          encoding_format: encodingFormat,
          ...(dimensions === undefined ? {} : { dimensions }),
        },
        requestOptions,
      ),
    );
  }

  return {
    provider,
    modelId: options.model,
    dimensions: options.dimensions ?? options.knownDimensions,
    maxBatchSize: batchSize,
    async embed(request): Promise<EmbeddingResponse> {
      const model = request.model ?? options.model;
      const embeddings: number[][] = [];
      const usage = { promptTokens: 0, totalTokens: 0 };
      let answeredModel = '';
      for (let start = 0; start < request.input.length; start += batchSize) {
        const input = request.input.slice(start, start + batchSize);
        const response = await withRetry(
          () => embedBatch(request, input, model),
          retry,
          request.signal,
        );
        const ordered = [...response.data].sort((a, b) => a.index - b.index);
        for (const item of ordered) embeddings.push(decodeEmbedding(item.embedding as unknown));
        usage.promptTokens += response.usage?.prompt_tokens ?? 0;
        usage.totalTokens += response.usage?.total_tokens ?? 0;
        answeredModel ||= response.model;
      }
      return { embeddings, provider, model: answeredModel || model, usage };
    },
  };
}

/** Float arrays pass through; base64 is little-endian float32 (the OpenAI wire format). */
export function decodeEmbedding(embedding: unknown): number[] {
  if (Array.isArray(embedding)) return embedding as number[];
  if (typeof embedding !== 'string') return [];
  const bytes = Buffer.from(embedding, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.byteLength; offset += 4)
    vector.push(view.getFloat32(offset, true));
  return vector;
}
