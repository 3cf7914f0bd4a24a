// The exported retry loop (for models of the user's own) and the attempt count it leaves on a
// result or a final error, which callers above a model read instead of retrying again.
import {
  AbortedError,
  AuthenticationError,
  ProviderUnavailableError,
  RateLimitError,
  userMessage,
} from '@repo/core';
import { describe, expect, it } from 'vitest';
import { createProvider } from './create-provider.js';
import { attemptsOf, withRetry } from './retry.js';

const noWait = { sleep: async () => {}, random: () => 0 };
const unavailable = () => new ProviderUnavailableError('down', { status: 503 });

/** A call that fails with each of `errors` in turn, then answers; counts its runs. */
function flaky(...errors: Error[]) {
  let runs = 0;
  return {
    runs: () => runs,
    run: async (attempt: number) => {
      expect(attempt).toBe(runs);
      const error = errors[runs++];
      if (error) throw error;
      return { ok: true };
    },
  };
}

describe('withRetry', () => {
  it('runs 1 + maxRetries times on a lasting retryable failure, and says so on the error', async () => {
    const call = flaky(unavailable(), unavailable(), unavailable(), unavailable());
    const error = await withRetry(call.run, { ...noWait, maxRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(call.runs()).toBe(3);
    expect(attemptsOf(error)).toBe(3);
  });

  it('gets past a transient failure and counts the attempts on the result', async () => {
    const call = flaky(new RateLimitError('slow down', { retryAfterMs: 0 }), unavailable());
    const result = await withRetry(call.run, { ...noWait, maxRetries: 2 });
    expect(result).toEqual({ ok: true });
    expect(call.runs()).toBe(3);
    expect(attemptsOf(result)).toBe(3);
  });

  it('does not retry what is not worth retrying; defaults apply without options', async () => {
    const call = flaky(new AuthenticationError('bad key'));
    const error = await withRetry(call.run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect([call.runs(), attemptsOf(error)]).toEqual([1, 1]);
  });

  it('counts the attempts made when the caller aborts during the backoff', async () => {
    const controller = new AbortController();
    const call = flaky(unavailable(), unavailable());
    const error = await withRetry(
      call.run,
      {
        maxRetries: 5,
        sleep: async () => {
          controller.abort();
          throw new AbortedError();
        },
      },
      controller.signal,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect([call.runs(), attemptsOf(error)]).toEqual([1, 1]);
  });

  it('knows nothing of values it did not return', () => {
    expect([attemptsOf({}), attemptsOf(new Error('x')), attemptsOf('text')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('attemptsOf on a chat model over local-llm', () => {
  it('reports the requests a call took, on its response and on its final error', async () => {
    const provider = createProvider('local', { retry: { ...noWait, maxRetries: 3 } });
    const [llm, model] = [provider.localLlm!, provider.chat()];
    const ask = { messages: [userMessage('Say hello')] };
    llm.faults({ status: 500, times: 2 });
    const response = await model.call(ask);
    expect(attemptsOf(response)).toBe(3);
    llm.faults({ status: 429 });
    const error = await model.call(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(attemptsOf(error)).toBe(4);
    expect(llm.requests()).toHaveLength(3 + 4);
  });
});
