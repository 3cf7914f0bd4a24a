// The one retry layer (the SDK runs with maxRetries: 0, or attempts would multiply). Retries what
// is worth retrying (429, 5xx, 408/409, connection failures), with exponential backoff and full
// jitter, honouring Retry-After up to a cap: a server asking for longer than the cap gets the
// RateLimitError back at once instead of a caller blocked for minutes. Timeouts are not retried
// (a slow provider rarely gets faster; fallback is the tool for that), nor are caller aborts.
//
// Callers above a model (rag's embedding batches, the eval runner, judges) do not loop again
// (docs/conventions.md rule 12): a failing call reaches the provider at most 1 + maxRetries times.
// `withRetry` is exported for a model of the user's own, and `attemptsOf` tells a caller how many
// requests a call took.
import { AbortedError, isRetryableError, sleep } from '@repo/core';
import { retryAfterHintOf } from './retry-after.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** First backoff ceiling in ms (default 500); doubles per attempt. */
  initialDelayMs?: number;
  /** Backoff ceiling in ms (default 8000). */
  maxDelayMs?: number;
  /** Longest Retry-After honoured in ms (default 30000); longer → give up with the error. */
  maxRetryAfterMs?: number;
  /** Injected in tests to record delays instead of waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    maxRetries: options.maxRetries ?? 2,
    initialDelayMs: options.initialDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    sleep: options.sleep ?? sleep,
    random: options.random ?? Math.random,
  };
}

/** How long to wait before retry number `attempt + 1`, or undefined to give up. */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  options: ResolvedRetryOptions,
): number | undefined {
  if (!isRetryableError(error) || attempt >= options.maxRetries) return undefined;
  const hint = retryAfterHintOf(error);
  if (hint !== undefined) return hint > options.maxRetryAfterMs ? undefined : hint;
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** attempt);
  return Math.floor(options.random() * ceiling);
}

/**
 * Runs `run` until it succeeds, fails with an error not worth retrying, or has been retried
 * `maxRetries` times. The result (when an object) and the final error remember how many attempts
 * were made: `attemptsOf(value)`.
 */
export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
  signal?: AbortSignal,
): Promise<T> {
  const resolved = resolveRetryOptions(options);
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw countAttempts(new AbortedError(), attempt);
    try {
      return countAttempts(await run(attempt), attempt + 1);
    } catch (error) {
      const delay = retryDelayMs(error, attempt, resolved);
      if (delay === undefined) throw countAttempts(error, attempt + 1);
      await resolved.sleep(delay, signal).catch((stopped: unknown) => {
        throw countAttempts(stopped, attempt + 1);
      });
    }
  }
}

/** Streams are retried only until their first event: after that the caller has seen output. */
export async function* streamWithRetry<T>(
  open: (attempt: number) => AsyncIterable<T>,
  options: RetryOptions = {},
  signal?: AbortSignal,
): AsyncGenerator<T> {
  const resolved = resolveRetryOptions(options);
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw countAttempts(new AbortedError(), attempt);
    let started = false;
    try {
      for await (const event of open(attempt)) {
        started = true;
        yield event;
      }
      return;
    } catch (error) {
      const delay = started ? undefined : retryDelayMs(error, attempt, resolved);
      if (delay === undefined) throw countAttempts(error, attempt + 1);
      await resolved.sleep(delay, signal).catch((stopped: unknown) => {
        throw countAttempts(stopped, attempt + 1);
      });
    }
  }
}

// Kept beside the value rather than on it (like retry-after.ts's hints): a ChatResponse or a
// core error keeps its shape, and a value that never went through withRetry has no count.
const attemptCounts = new WeakMap<object, number>();

function countAttempts<T>(value: T, attempts: number): T {
  if (typeof value === 'object' && value !== null) attemptCounts.set(value, attempts);
  return value;
}

/**
 * Requests withRetry made for this result or final error (1 + retries); undefined for a value
 * that did not come out of it (another kind of model, or a response a model assembled itself).
 */
export function attemptsOf(value: unknown): number | undefined {
  return typeof value === 'object' && value !== null ? attemptCounts.get(value) : undefined;
}
