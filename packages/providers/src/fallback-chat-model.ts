// Ordered fallback across models (docs/pain-points.md P2). Each model runs its own retries first; a failure
// before the first stream event moves on to the next model. A failure after output started is a
// different decision, made explicit by `midStream`: 'error' (default) surfaces the typed error,
// 'fallback' restarts the answer on the next model — the consumer has then already seen partial
// output from the failed model and must be ready to discard it.
import {
  AbortedError,
  addUsage,
  AuthenticationError,
  emptyUsage,
  InvalidInputError,
  MissingApiKeyError,
  ProviderError,
  TimeoutError,
  type ChatModel,
  type ChatModelCapabilities,
  type ChatResponse,
  type ChatStreamEvent,
  type Usage,
} from '@repo/core';

export interface FallbackOptions {
  midStream?: 'error' | 'fallback';
  /** Whether this error moves on to the next model (default: `shouldFallbackByDefault`). */
  shouldFallback?(error: unknown, model: ChatModel): boolean;
  /** Told about each switch, e.g. to log which provider failed. */
  onFallback?(info: { error: unknown; from: ChatModel; to: ChatModel }): void;
}

/**
 * Falls back on what another provider may not share: retryable failures (429, 5xx, cut streams),
 * timeouts, this provider's credentials (401/403, missing key) and 404 (model unknown here).
 * Never on caller aborts or bad input: the next provider would get the same request.
 */
export function shouldFallbackByDefault(error: unknown): boolean {
  if (error instanceof AbortedError || error instanceof InvalidInputError) return false;
  if (error instanceof TimeoutError || error instanceof MissingApiKeyError) return true;
  if (error instanceof AuthenticationError) return true;
  if (error instanceof ProviderError) return error.retryable || error.status === 404;
  return false;
}

export function createFallbackChatModel(
  models: ChatModel[],
  options: FallbackOptions = {},
): ChatModel {
  const [primary] = models;
  if (!primary)
    throw new InvalidInputError('createFallbackChatModel needs at least one model', [
      { field: 'models', reason: 'must not be empty' },
    ]);
  const shouldFallback = options.shouldFallback ?? shouldFallbackByDefault;
  const midStream = options.midStream ?? 'error';

  const next = (error: unknown, index: number, request: { signal?: AbortSignal }): boolean => {
    const from = models[index]!;
    const to = models[index + 1];
    if (!to || request.signal?.aborted || !shouldFallback(error, from)) return false;
    options.onFallback?.({ error, from, to });
    return true;
  };

  return {
    // Reports the primary; each response names the provider and model that actually answered.
    provider: primary.provider,
    modelId: primary.modelId,
    // Any model may answer, so only what every model can do is promised.
    capabilities: commonCapabilities(models),
    async call(request) {
      // A call that failed reported no usage, so the answer's own totalUsage is the total.
      for (let index = 0; ; index++) {
        try {
          return await models[index]!.call(request);
        } catch (error) {
          if (!next(error, index, request)) throw error;
        }
      }
    },
    async *stream(request): AsyncGenerator<ChatStreamEvent> {
      let spent: Usage = emptyUsage();
      for (let index = 0; ; index++) {
        let started = false;
        let seen: Usage = emptyUsage();
        try {
          for await (const event of models[index]!.stream(request)) {
            started = true;
            if (event.type === 'usage') seen = event.usage;
            if (event.type === 'finish')
              yield { ...event, response: withTotal(event.response, spent) };
            else yield event;
          }
          return;
        } catch (error) {
          if (started && midStream === 'error') throw error;
          if (!next(error, index, request)) throw error;
          spent = addUsage(spent, seen);
        }
      }
    },
  };
}

function withTotal(response: ChatResponse, spent: Usage): ChatResponse {
  return { ...response, totalUsage: addUsage(spent, response.totalUsage ?? response.usage) };
}

const STRUCTURED_RANK = { none: 0, 'json-object': 1, 'json-schema': 2 } as const;

function commonCapabilities(models: ChatModel[]): ChatModelCapabilities {
  const structured = models.map((model) => model.capabilities?.structuredOutput ?? 'none');
  return {
    structuredOutput: structured.reduce((a, b) =>
      STRUCTURED_RANK[a] <= STRUCTURED_RANK[b] ? a : b,
    ),
    tools: models.every((model) => model.capabilities?.tools === true),
    reasoning: models.every((model) => model.capabilities?.reasoning === true),
  };
}
