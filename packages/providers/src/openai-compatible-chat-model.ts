// The one ChatModel for every OpenAI-compatible provider, over the official openai SDK. call() uses
// the non-streaming endpoint, stream() the SSE one; both map through the same response assembly.
// Retries (retry.ts), timeouts (run-completion-attempt.ts for call, attempt-signal.ts for
// stream) and error mapping wrap each attempt.
import {
  collectStream,
  type ChatModel,
  type ChatModelCapabilities,
  type ChatOptions,
  type ChatRequest,
  type ChatResponse,
  type ChatStreamEvent,
} from '@repo/core';
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import { createAttemptSignal, DEFAULT_TIMEOUT_MS } from './attempt-signal.js';
import { buildChatRequest, type BuiltChatRequest } from './build-chat-request.js';
import { mapProviderError } from './map-provider-error.js';
import { createClientProvider, type ConnectionOptions } from './openai-client.js';
import { DEFAULT_QUIRKS, mergeQuirks, resolveModelAlias, type ProviderQuirks } from './quirks.js';
import { runCompletionAttempt } from './run-completion-attempt.js';
import { resolveRetryOptions, streamWithRetry, withRetry, type RetryOptions } from './retry.js';
import { createStreamAccumulator } from './stream-accumulator.js';

export interface OpenAICompatibleChatModelOptions extends ConnectionOptions {
  model: string;
  /** Overrides on top of the default (or preset) quirks profile. */
  quirks?: Partial<ProviderQuirks>;
  retry?: RetryOptions;
  /** Per attempt; for streams, the longest silence between chunks (default 60 s). */
  timeoutMs?: number;
  /** Options applied to every request (the request's own options win). */
  defaultOptions?: ChatOptions;
}

export interface OpenAICompatibleChatModel extends ChatModel {
  readonly quirks: ProviderQuirks;
  /** `structuredOutput` says what `responseFormat: json-schema` becomes (prompting reads it). */
  readonly capabilities: ChatModelCapabilities;
}

export function createOpenAICompatibleChatModel(
  options: OpenAICompatibleChatModelOptions,
): OpenAICompatibleChatModel {
  const { provider } = options;
  const quirks = mergeQuirks(DEFAULT_QUIRKS, options.quirks);
  const retry = resolveRetryOptions(options.retry);
  const clientFor = createClientProvider(options);
  const build = (request: ChatRequest, stream: boolean): BuiltChatRequest =>
    buildChatRequest(request, {
      model: options.model,
      quirks,
      stream,
      defaults: options.defaultOptions,
    });
  const timeoutOf = (request: ChatRequest) =>
    request.options?.timeoutMs ??
    options.defaultOptions?.timeoutMs ??
    options.timeoutMs ??
    DEFAULT_TIMEOUT_MS;

  function callOnce(request: ChatRequest, built: BuiltChatRequest): Promise<ChatResponse> {
    const settings = {
      clientFor,
      provider,
      model: built.model,
      signal: request.signal,
      timeoutMs: timeoutOf(request),
    };
    return runCompletionAttempt(
      settings,
      built.body as unknown as ChatCompletionCreateParamsNonStreaming,
    );
  }

  async function* streamOnce(
    request: ChatRequest,
    built: BuiltChatRequest,
  ): AsyncGenerator<ChatStreamEvent> {
    const attempt = createAttemptSignal(request.signal, timeoutOf(request));
    let apiKey: string | undefined;
    let phase: 'request' | 'stream' = 'request';
    try {
      const handle = clientFor();
      apiKey = handle.apiKey;
      const chunks = await handle.client.chat.completions.create(
        built.body as unknown as ChatCompletionCreateParamsStreaming,
        { signal: attempt.signal },
      );
      phase = 'stream';
      const accumulator = createStreamAccumulator(provider, built.model);
      for await (const chunk of chunks) {
        attempt.touch();
        yield* accumulator.push(chunk);
      }
      // The SDK ends the iteration quietly when the request is aborted: say why it ended.
      if (attempt.signal.aborted) throw attempt.signal.reason;
      attempt.complete();
      yield* accumulator.finish();
    } catch (error) {
      throw mapProviderError(error, { provider, model: built.model, attempt, phase, apiKey });
    } finally {
      attempt.dispose();
    }
  }

  function stream(request: ChatRequest): AsyncIterable<ChatStreamEvent> {
    const built = build(request, true);
    return streamWithRetry(() => streamOnce(request, built), retry, request.signal);
  }

  const modelId = resolveModelAlias(quirks, options.model).model;
  return {
    provider,
    modelId,
    quirks,
    capabilities: {
      structuredOutput: quirks.structuredOutput,
      tools: true,
      // Reasoning comes back where a thinking switch exists or the model is a reasoner by name.
      reasoning: quirks.thinkingSwitch !== 'none' || /reason/i.test(modelId),
    },
    call(request) {
      const built = build(request, false);
      if (quirks.thinkingNeedsStream && built.reasoning === true)
        return collectStream(stream(request));
      return withRetry(() => callOnce(request, built), retry, request.signal);
    },
    stream,
  };
}
