// Retries, timeouts, aborts and error mapping, driven by local-llm's fault injection. Delays are
// not timed: an injected `sleep` records what the retry layer asked to wait.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AbortedError,
  AuthenticationError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitError,
  TimeoutError,
  userMessage,
} from '@repo/core';
import { createLocalLlm, startLocalLlmServer } from '@repo/local-llm';
import { describe, expect, it, vi } from 'vitest';
import { createOpenAICompatibleChatModel } from './openai-compatible-chat-model.js';
import type { OpenAICompatibleChatModelOptions } from './openai-compatible-chat-model.js';
import { createAttemptSignal } from './attempt-signal.js';
import { parseRetryAfter } from './retry-after.js';
import { resolveRetryOptions, retryDelayMs } from './retry.js';
import { collectEvents } from './testing/index.js';

function setup(overrides: Partial<OpenAICompatibleChatModelOptions> = {}) {
  const llm = createLocalLlm();
  const sleeps: number[] = [];
  const model = createOpenAICompatibleChatModel({
    provider: 'local',
    model: 'local',
    requireApiKey: false,
    baseURL: llm.baseURL,
    fetch: llm.fetch,
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    ...overrides,
  });
  const chatRequests = () => llm.requests().filter((r) => r.path === '/v1/chat/completions');
  return { llm, model, sleeps, chatRequests };
}

const ask = { messages: [userMessage('Say hello')] };

describe('retry policy', () => {
  it('parses Retry-After as seconds, HTTP date and retry-after-ms', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(
      parseRetryAfter(new Headers({ 'retry-after': 'Sun, 29 Nov 2026 12:00:05 GMT' }), now),
    ).toBe(5000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }), now)).toBe(
      150,
    );
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped, and stops after maxRetries', () => {
    const options = resolveRetryOptions({ random: () => 1, maxRetries: 5 });
    const error = new ProviderUnavailableError('down');
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelayMs(error, attempt, options))).toEqual([
      500, 1000, 2000, 4000, 8000,
    ]);
    expect(retryDelayMs(error, 5, options)).toBeUndefined();
    expect(retryDelayMs(error, 0, resolveRetryOptions({ random: () => 0.25 }))).toBe(125);
    expect(
      retryDelayMs(new ProviderError('bad request', { status: 400 }), 0, options),
    ).toBeUndefined();
    expect(
      retryDelayMs(new RateLimitError('slow down', { retryAfterMs: 31_000 }), 0, options),
    ).toBeUndefined();
    expect(retryDelayMs(new RateLimitError('slow down', { retryAfterMs: 3_000 }), 0, options)).toBe(
      3000,
    );
  });
});

describe('attempt signal', () => {
  it('aborts an open attempt on dispose, but not one that completed', () => {
    const open = createAttemptSignal(undefined, 1000);
    open.dispose();
    expect(open.signal.aborted).toBe(true);
    // Aborting a finished request cost a DOMException per call (the providers bench profile).
    const done = createAttemptSignal(undefined, 1000);
    done.complete();
    done.dispose();
    expect(done.signal.aborted).toBe(false);
  });

  it('follows the caller signal and tells a timeout from a caller abort', async () => {
    const caller = new AbortController();
    const attempt = createAttemptSignal(caller.signal, 1000);
    caller.abort();
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.callerAborted()).toBe(true);
    expect(attempt.timedOut()).toBe(false);
    attempt.dispose();
    const slow = createAttemptSignal(undefined, 1);
    await vi.waitFor(() => expect(slow.timedOut()).toBe(true));
    expect(slow.callerAborted()).toBe(false);
    slow.dispose();
  });
});

describe('against local-llm in-process', () => {
  it('retries a 429 after exactly the Retry-After it was given', async () => {
    const { llm, model, sleeps, chatRequests } = setup();
    llm.faults({ status: 429, retryAfter: 1, times: 1 });
    const response = await model.call(ask);
    expect(response.text.length).toBeGreaterThan(0);
    expect(sleeps).toEqual([1000]);
    expect(chatRequests()).toHaveLength(2);
  });

  it('gives up at once with RateLimitError when Retry-After exceeds the cap', async () => {
    const { llm, model, sleeps, chatRequests } = setup();
    llm.faults({ status: 429, retryAfter: 120, times: 1 });
    const error = await model.call(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect((error as RateLimitError).status).toBe(429);
    expect(sleeps).toEqual([]);
    expect(chatRequests()).toHaveLength(1);
  });

  it('retries 503 twice with jittered backoff, then throws ProviderUnavailableError', async () => {
    const { llm, model, sleeps, chatRequests } = setup();
    llm.faults({ status: 503, message: 'overloaded' });
    const error = await model.call(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).status).toBe(503);
    expect((error as ProviderUnavailableError).retryable).toBe(true);
    expect((error as ProviderUnavailableError).provider).toBe('local');
    expect(sleeps).toEqual([250, 500]);
    expect(chatRequests()).toHaveLength(3);
  });

  it('retries a 408 and treats other 4xx as final ProviderErrors', async () => {
    const first = setup();
    first.llm.faults({ status: 408, times: 1 });
    await first.model.call(ask);
    expect(first.chatRequests()).toHaveLength(2);

    const second = setup();
    second.llm.script([{ error: { status: 400, message: 'bad field', code: 'invalid_value' } }]);
    const error = await second.model.call(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).not.toBeInstanceOf(ProviderUnavailableError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_value', retryable: false });
    expect((error as ProviderError).body).toMatchObject({ message: 'bad field' });
    expect(second.chatRequests()).toHaveLength(1);
  });

  it('maps 401 to AuthenticationError, never retried, with the key scrubbed', async () => {
    const { llm, model, sleeps, chatRequests } = setup({
      apiKey: 'sk-secret-0123456789',
      requireApiKey: true,
    });
    llm.faults({ status: 401, message: 'Incorrect API key provided: sk-secret-0123456789' });
    const error = await model.call(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect(
      JSON.stringify({
        message: (error as Error).message,
        body: (error as AuthenticationError).body,
      }),
    ).not.toContain('sk-secret');
    expect((error as Error).cause).toBeUndefined();
    expect(sleeps).toEqual([]);
    expect(chatRequests()).toHaveLength(1);
  });

  it('turns a slow answer into TimeoutError (not retried)', async () => {
    const { llm, model, chatRequests } = setup({ timeoutMs: 50 });
    llm.faults({ latencyMs: 5_000 });
    const error = await model.call(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect(chatRequests()).toHaveLength(1);
  });

  it('uses ChatOptions.timeoutMs per request, also as the idle limit of a stream', async () => {
    const { llm, model } = setup();
    llm.faults({ tokenLatencyMs: 2_000 });
    const { error } = await collectEvents(model.stream({ ...ask, options: { timeoutMs: 80 } }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(80);
  });

  it('maps a caller abort to AbortedError for call and stream, without retrying', async () => {
    const { llm, model, sleeps, chatRequests } = setup();
    llm.faults({ latencyMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(model.call({ ...ask, signal: controller.signal })).rejects.toBeInstanceOf(
      AbortedError,
    );

    const streamController = new AbortController();
    setTimeout(() => streamController.abort(), 20);
    const aborted = await collectEvents(model.stream({ ...ask, signal: streamController.signal }));
    expect(aborted.error).toBeInstanceOf(AbortedError);
    expect(sleeps).toEqual([]);
    expect(chatRequests()).toHaveLength(2);
  });

  it('aborts a stream the consumer abandons, and only that one', async () => {
    const { llm, model, chatRequests } = setup();
    await model.call(ask);
    await collectEvents(model.stream(ask));
    llm.faults({ tokenLatencyMs: 20 });
    for await (const event of model.stream(ask)) if (event.type === 'text-delta') break;
    await vi.waitFor(() => expect(chatRequests()[2]?.aborted).toBe(true));
    expect(chatRequests().map((r) => r.aborted)).toEqual([false, false, true]);
  });

  it('retries a stream that fails before its first event', async () => {
    const { llm, model, sleeps, chatRequests } = setup();
    llm.faults({ status: 502, times: 1 });
    const { events, error } = await collectEvents(model.stream(ask));
    expect(error).toBeUndefined();
    expect(events.at(-1)?.type).toBe('finish');
    expect(sleeps).toEqual([250]);
    expect(chatRequests()).toHaveLength(2);
  });

  it('does not retry a stream cut after output started: stream_interrupted', async () => {
    const { llm, model, sleeps, chatRequests } = setup();
    llm.faults({ cutAfterChunks: 2 });
    const { events: seen, error } = await collectEvents(model.stream(ask));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).code).toBe('stream_interrupted');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((event) => event.type === 'finish')).toBe(false);
    expect(sleeps).toEqual([]);
    expect(chatRequests()).toHaveLength(1);
  });

  it('reports a malformed chunk as stream_interrupted', async () => {
    const { llm, model } = setup();
    llm.faults({ malformedChunkAt: 2 });
    const { error } = await collectEvents(model.stream(ask));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).code).toBe('stream_interrupted');
  });
});

describe('a server that stalls', () => {
  /** A server that sends the headers and the start of the body, then nothing. */
  async function startStallingServer(timeoutMs: number) {
    const closed: boolean[] = [];
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
      response.write('{"id":"chatcmpl-1","object":"chat.completion","choices":[');
      const index = closed.push(false) - 1;
      response.on('close', () => (closed[index] = true));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const model = createOpenAICompatibleChatModel({
      provider: 'local',
      model: 'local',
      requireApiKey: false,
      baseURL: `http://127.0.0.1:${port}/v1`,
      timeoutMs,
      retry: { maxRetries: 0 },
    });
    const close = () => {
      server.closeAllConnections();
      server.close();
    };
    return { model, closed, close };
  }

  it('times out a call whose body never finishes (headers sent, then nothing)', async () => {
    const { model, closed, close } = await startStallingServer(300);
    try {
      const error = await model.call(ask).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).message).toBe('local did not answer within 300 ms');
      // The stalled connection is given up, not left open.
      await vi.waitFor(() => expect(closed).toEqual([true]));
    } finally {
      close();
    }
  });

  it('maps a caller abort during the body to AbortedError and closes the connection', async () => {
    const { model, closed, close } = await startStallingServer(10_000);
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await model.call({ ...ask, signal: controller.signal }).catch((e) => e);
      expect(error).toBeInstanceOf(AbortedError);
      await vi.waitFor(() => expect(closed).toEqual([true]));
    } finally {
      close();
    }
  });
});

describe('against local-llm on a port', () => {
  it('detects a cut TCP stream and a refused connection', async () => {
    const server = await startLocalLlmServer({ port: 0, control: true });
    const sleeps: number[] = [];
    const model = createOpenAICompatibleChatModel({
      provider: 'local',
      model: 'local',
      requireApiKey: false,
      baseURL: server.baseURL,
      retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0 },
    });
    try {
      server.llm.faults({ cutAfterChunks: 3, times: 1 });
      const { error: cut } = await collectEvents(model.stream(ask));
      expect(cut).toMatchObject({ code: 'stream_interrupted' });
      expect(cut).toBeInstanceOf(ProviderUnavailableError);
    } finally {
      await server.close();
    }
    const refused = await model.call(ask).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderUnavailableError);
    expect((refused as ProviderUnavailableError).code).toBe('connection_error');
    expect(sleeps).toEqual([0, 0]);
  });
});
