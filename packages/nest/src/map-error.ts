// Error → HTTP, in one place (docs/conventions.md rule 12), shared by the exception filter and the SSE
// `error` event. User mistakes are 4xx with the field; provider trouble is 502/504; anything else
// is a generic 500 whose message never carries internals or secrets.
import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import {
  AbortedError,
  AiError,
  AuthenticationError,
  InvalidInputError,
  MissingApiKeyError,
  OverloadedError,
  ProviderError,
  RateLimitError,
  TimeoutError,
  type InvalidInputDetail,
} from '@repo/core';
import {
  ProviderNotConfiguredError,
  providerEnvVars,
  UnsupportedCapabilityError,
} from '@repo/providers';

/** docs/architecture.md's error body, the same in every app. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: InvalidInputDetail[];
  /** Seconds, when the provider said how long to wait (also the `Retry-After` header). */
  retryAfter?: number;
}

export interface MappedError {
  status: number;
  /** Undefined when the client is gone (aborted): nothing is written. */
  body: ErrorBody | undefined;
  headers: Record<string, string>;
  /** 5xx other than provider trouble: log the stack. */
  unexpected: boolean;
}

/** Nginx's "client closed request": the caller left, so the answer goes nowhere. */
export const CLIENT_CLOSED_REQUEST = 499;

// Errors of packages nest may not import (prompting) or that are model misbehaviour, by code.
const MODEL_OUTPUT_CODES = new Set(['structured_output_invalid', 'tool_loop_limit']);
// Requests that clash with what is stored (rag: vectors of another size or embedding model).
const CONFLICT_CODES = new Set(['embedding_dimension_mismatch']);

export function toHttpError(error: unknown): MappedError {
  const make = (status: number, message: string, details: InvalidInputDetail[] = []) => ({
    status,
    body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, details },
    headers: {} as Record<string, string>,
    unexpected: false,
  });

  if (error instanceof AbortedError)
    return { status: CLIENT_CLOSED_REQUEST, body: undefined, headers: {}, unexpected: false };
  if (error instanceof ProviderNotConfiguredError)
    return make(
      400,
      error.message,
      error.missingVariables.map((variable) => ({ field: 'provider', reason: `set ${variable}` })),
    );
  if (error instanceof MissingApiKeyError)
    return make(400, error.message, [
      { field: 'provider', reason: `set ${error.environmentVariableName}` },
    ]);
  if (error instanceof InvalidInputError) return make(400, error.message, error.details);
  if (error instanceof UnsupportedCapabilityError)
    return make(400, error.message, [{ field: 'provider', reason: error.message }]);
  const tooMany = (message: string, retryAfterMs: number | undefined): MappedError => {
    const mapped = make(429, message);
    if (retryAfterMs === undefined) return mapped;
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    mapped.headers['Retry-After'] = String(seconds);
    return { ...mapped, body: { ...mapped.body, retryAfter: seconds } };
  };
  if (error instanceof RateLimitError)
    return tooMany(
      `The ${error.provider ?? 'model'} provider is rate limiting us.`,
      error.retryAfterMs,
    );
  // Our own queues are full: the client backs off, like from a provider's 429.
  if (error instanceof OverloadedError) return tooMany(error.message, error.retryAfterMs);
  if (error instanceof AuthenticationError) {
    const variable = error.provider ? providerEnvVars(error.provider).apiKey : 'the API key';
    return make(
      502,
      `The ${error.provider ?? 'model'} provider rejected the configured key; check ${variable}.`,
    );
  }
  if (error instanceof ProviderError)
    return make(502, `The ${error.provider ?? 'model'} provider failed: ${error.message}`);
  if (error instanceof TimeoutError)
    return make(504, `The model did not answer within ${error.timeoutMs} ms.`);
  if (error instanceof AiError && MODEL_OUTPUT_CODES.has(error.code))
    return make(502, error.message);
  if (error instanceof AiError && CONFLICT_CODES.has(error.code)) return make(409, error.message);
  if (error instanceof HttpException) return fromHttpException(error, make);
  const httpError = error as {
    expose?: unknown;
    status?: unknown;
    type?: unknown;
    limit?: unknown;
  };
  if (httpError?.expose === true && typeof httpError.status === 'number') {
    // Express/body-parser errors that Nest does not map (entity.too.large and friends).
    const message =
      httpError.type === 'entity.too.large'
        ? `Request body is too large (limit ${String(httpError.limit)} bytes).`
        : String((error as Error).message);
    return make(httpError.status, message);
  }
  return { ...make(500, 'Internal server error.'), unexpected: true };
}

function fromHttpException(
  error: HttpException,
  make: (status: number, message: string, details?: InvalidInputDetail[]) => MappedError,
): MappedError {
  const status = error.getStatus();
  const response = error.getResponse();
  if (typeof response === 'string') return make(status, response);
  const { message, details } = response as { message?: unknown; details?: unknown };
  if (Array.isArray(message)) {
    // Nest's default ValidationPipe: "field reason" strings.
    const reasons = message.map(String);
    return make(
      status,
      reasons.join('; '),
      reasons.map((reason) => ({ field: reason.split(' ')[0] ?? '', reason })),
    );
  }
  const list = Array.isArray(details) ? (details as InvalidInputDetail[]) : [];
  return make(status, typeof message === 'string' ? message : error.message, list);
}
