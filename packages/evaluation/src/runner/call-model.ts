// One case's model call: from the cache when the same request was answered before, else with
// retries on retryable provider errors (backoff, Retry-After honoured), inside the case's signal.
import { sleep, type ChatModel, type ChatRequest, type Usage } from '@repo/core';
import { retryDelayMs } from '@repo/providers';
import { cacheKey, type OutputCache } from './output-cache.js';

export interface ModelCall {
  output: string;
  usage: Usage;
  latencyMs: number;
  cached: boolean;
  attempts: number;
}

export interface CallModelOptions {
  cache?: OutputCache;
  retries: number;
  signal: AbortSignal;
  /** Injected in tests; default waits (and stops waiting when the signal aborts). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export async function callModel(
  model: ChatModel,
  request: ChatRequest,
  options: CallModelOptions,
): Promise<ModelCall> {
  const key = options.cache ? cacheKey(model.provider, model.modelId, request) : '';
  const hit = options.cache ? await options.cache.get(key) : undefined;
  if (hit) return { ...hit, cached: true, attempts: 0 };
  const retry = {
    maxRetries: options.retries,
    initialDelayMs: 250,
    maxDelayMs: 4000,
    maxRetryAfterMs: 30_000,
    sleep: options.sleep ?? sleep,
    random: Math.random,
  };
  for (let attempt = 0; ; attempt++) {
    const started = performance.now();
    try {
      const response = await model.call({ ...request, signal: options.signal });
      const result = {
        output: response.text,
        usage: response.totalUsage ?? response.usage,
        latencyMs: performance.now() - started,
      };
      if (options.cache) await options.cache.set(key, result);
      return { ...result, cached: false, attempts: attempt + 1 };
    } catch (error) {
      const delay = options.signal.aborted ? undefined : retryDelayMs(error, attempt, retry);
      if (delay === undefined) throw new ModelCallError(error, attempt + 1);
      // A cancel or timeout during the wait ends in the next attempt's abort, counted as before.
      await retry.sleep(delay, options.signal).catch(() => undefined);
    }
  }
}

/** The call failed for good; `cause` is the provider's error. */
export class ModelCallError extends Error {
  constructor(
    cause: unknown,
    readonly attempts: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ModelCallError';
  }
}
