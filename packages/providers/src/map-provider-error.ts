// openai SDK errors → core's error hierarchy, the only error types callers ever see. Messages and
// bodies are scrubbed of the key: OpenAI's 401 echoes part of it.
import {
  AbortedError,
  AiError,
  AuthenticationError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitError,
  TimeoutError,
} from '@repo/core';
import OpenAI from 'openai';
import type { AttemptSignal } from './attempt-signal.js';
import { parseRetryAfter, setRetryAfterHint } from './retry-after.js';

export interface ErrorContext {
  provider: string;
  model: string;
  /** What became of the attempt: its timer fired, or the caller aborted. */
  attempt?: Pick<AttemptSignal, 'timeoutMs' | 'timedOut' | 'callerAborted'>;
  /** The attempt's timeout when the SDK enforced it (non-streaming requests). */
  timeoutMs?: number;
  /** `stream`: the error happened while reading an open stream. */
  phase: 'request' | 'stream';
  apiKey?: string;
}

export function mapProviderError(error: unknown, context: ErrorContext): Error {
  if (error instanceof AiError) return error;
  const { provider, model, attempt } = context;
  if (attempt?.timedOut())
    return new TimeoutError(
      `${provider} did not answer within ${attempt.timeoutMs} ms`,
      attempt.timeoutMs,
      {
        cause: error,
      },
    );
  if (attempt?.callerAborted() || error instanceof OpenAI.APIUserAbortError)
    return new AbortedError(undefined, { cause: error });
  const redact = (text: string) => redactSecrets(text, context.apiKey);

  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    const timeoutMs = attempt?.timeoutMs ?? context.timeoutMs ?? 0;
    return new TimeoutError(`${provider} did not answer within ${timeoutMs} ms`, timeoutMs, {
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIConnectionError)
    return new ProviderUnavailableError(`Could not reach ${provider}: ${redact(error.message)}`, {
      provider,
      model,
      code: 'connection_error',
      cause: error,
    });
  if (error instanceof OpenAI.APIError) {
    const status = error.status;
    const options = {
      provider,
      model,
      status,
      code: error.code ?? undefined,
      requestId: error.requestID ?? error.headers?.get('x-request-id') ?? undefined,
      body: redactBody(error.error, context.apiKey),
      // No `cause`: the SDK error's message is the unscrubbed one, and apps log causes.
    };
    const message = `${provider} ${redact(error.message)}`;
    const retryAfterMs = parseRetryAfter(error.headers);
    if (status === 401 || status === 403) return new AuthenticationError(message, options);
    if (status === 429)
      return new RateLimitError(message, {
        ...options,
        code: options.code ?? 'rate_limited',
        retryAfterMs,
      });
    if (status === undefined || status >= 500) {
      // An error object inside an SSE stream has no status: the provider failed mid-answer.
      const unavailable = new ProviderUnavailableError(message, options);
      setRetryAfterHint(unavailable, retryAfterMs);
      return unavailable;
    }
    const retryable = status === 408 || status === 409;
    return new ProviderError(message, { ...options, retryable });
  }
  if (context.phase === 'stream')
    // A malformed chunk (SyntaxError from the SDK's parser) or a connection cut mid-body.
    return new ProviderUnavailableError(
      `The ${provider} stream broke off: ${errorMessage(error)}`,
      {
        provider,
        model,
        code: 'stream_interrupted',
        cause: error,
      },
    );
  return new ProviderUnavailableError(
    `${provider} request failed: ${redact(errorMessage(error))}`,
    {
      provider,
      model,
      code: 'connection_error',
      cause: error,
    },
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const KEY_PATTERN = /\b(sk|ak|pk)-[A-Za-z0-9_*.-]{6,}/g;

export function redactSecrets(text: string, apiKey?: string): string {
  let result = text;
  if (apiKey && apiKey.length >= 4) result = result.split(apiKey).join('[redacted]');
  return result.replace(KEY_PATTERN, '[redacted]');
}

function redactBody(body: unknown, apiKey?: string): unknown {
  if (body === undefined) return undefined;
  try {
    return JSON.parse(redactSecrets(JSON.stringify(body), apiKey)) as unknown;
  } catch {
    return undefined;
  }
}
