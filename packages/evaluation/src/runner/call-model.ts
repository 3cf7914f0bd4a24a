// One case's model call: from the cache when the same request was answered before, else one call
// inside the case's signal. No retry loop here (docs/conventions.md rule 12): the model owns
// retries (createModelResolver builds @repo/providers models with `retry`), so a failing call
// reaches the provider at most 1 + maxRetries times instead of that times the runner's own tries.
// The attempts it took are read back from the model (attemptsOf), for the case's `attempts`.
import {
  AiError,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
  type Usage,
} from '@repo/core';
import { attemptsOf } from '@repo/providers';
import { cacheKey, type OutputCache } from './output-cache.js';

export interface ModelCall {
  output: string;
  usage: Usage;
  /** The whole call, the model's retries and their waits included. */
  latencyMs: number;
  cached: boolean;
  attempts: number;
}

export interface CallModelOptions {
  cache?: OutputCache;
  signal: AbortSignal;
}

export async function callModel(
  model: ChatModel,
  request: ChatRequest,
  options: CallModelOptions,
): Promise<ModelCall> {
  const key = options.cache ? cacheKey(model.provider, model.modelId, request) : '';
  const hit = options.cache ? await options.cache.get(key) : undefined;
  if (hit) return { ...hit, cached: true, attempts: 0 };
  const started = performance.now();
  let response: ChatResponse;
  try {
    response = await model.call({ ...request, signal: options.signal });
  } catch (error) {
    // A model that does not count (not from @repo/providers) made, as far as we know, one request.
    throw new ModelCallError(error, attemptsOf(error) ?? 1);
  }
  const result = {
    output: response.text,
    usage: response.totalUsage ?? response.usage,
    latencyMs: performance.now() - started,
  };
  if (options.cache) await options.cache.set(key, result);
  return { ...result, cached: false, attempts: attemptsOf(response) ?? 1 };
}

/** The call failed for good; `cause` is the provider's error. */
export class ModelCallError extends AiError {
  constructor(
    cause: unknown,
    readonly attempts: number,
  ) {
    // The provider's kind (rate_limited, timeout, upstream_failure…) and retry hint carry over.
    super(cause instanceof Error ? cause.message : String(cause), {
      cause,
      code: 'model_call_failed',
      kind: cause instanceof AiError ? cause.kind : 'upstream_failure',
      retryAfterMs: cause instanceof AiError ? cause.retryAfterMs : undefined,
    });
  }
}
