import { AiError, RateLimitError, type EmbeddingModel } from '@repo/core';
import { MockEmbeddingModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { embedInBatches } from './embed-in-batches.js';

const options = { batchSize: 2, concurrency: 2 };
const texts = ['a', 'b', 'c', 'd', 'e'];

describe('embedInBatches', () => {
  it('keeps input order with at most `concurrency` requests in flight', async () => {
    const inner = new MockEmbeddingModel({ embed: (text) => [text.charCodeAt(0)] });
    let inFlight = 0;
    let peak = 0;
    const model: EmbeddingModel = {
      ...inner,
      provider: 'mock',
      modelId: 'slow',
      async embed(request) {
        peak = Math.max(peak, ++inFlight);
        // The first batch answers last, so order would break if results were taken as they come.
        await new Promise((resolve) => setTimeout(resolve, request.input[0] === 'a' ? 40 : 5));
        inFlight--;
        return inner.embed(request);
      },
    };
    const progress: number[] = [];
    const result = await embedInBatches(model, texts, {
      ...options,
      onBatch: (n) => progress.push(n),
    });
    expect(result.embeddings).toEqual([[97], [98], [99], [100], [101]]);
    expect(peak).toBe(2);
    expect(progress).toEqual([2, 3, 5]); // batches 2 and 3 finished before batch 1
    expect(inner.requests.map((r) => r.input)).toHaveLength(3);
  });

  it('never sends more than the model’s maxBatchSize', async () => {
    const model = Object.assign(new MockEmbeddingModel(), { maxBatchSize: 1 });
    await embedInBatches(model, texts, { ...options, batchSize: 64 });
    expect(model.requests.map((r) => r.input.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('sends each batch once: retrying is the model’s job, so a retryable error ends the run', async () => {
    const model = new MockEmbeddingModel();
    const embed = model.embed.bind(model);
    let calls = 0;
    model.embed = (request) =>
      calls++ === 0
        ? Promise.reject(new RateLimitError('slow down', { retryAfterMs: 1 }))
        : embed(request);
    const error = await embedInBatches(model, ['x'], options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(calls).toBe(1);
  });

  it('rejects a response with the wrong number of vectors', async () => {
    const model = new MockEmbeddingModel();
    model.embed = async () => ({
      embeddings: [[1]],
      provider: 'mock',
      model: 'm',
      usage: { promptTokens: 1, totalTokens: 1 },
    });
    const error = await embedInBatches(model, ['x', 'y'], options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiError);
    expect(error).toMatchObject({ code: 'embedding_count_mismatch' });
  });
});
