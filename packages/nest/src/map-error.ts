// Error → HTTP, in one place (docs/conventions.md rule 12), shared by the exception filter, the SSE
// `error` event and background jobs' reports. Every package error carries a kind (@repo/core's
// ErrorKind) and STATUS_BY_KIND below is the only table from kinds to statuses: no app adds
// classes or codes of its own. User mistakes are 4xx with the fields; provider trouble is 502/504;
// anything else is a generic 500 whose message never carries internals or secrets.
import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import {
  AiError,
  AuthenticationError,
  ProviderError,
  RateLimitError,
  type ErrorKind,
  type InvalidInputDetail,
} from '@repo/core';
import { providerEnvVars } from '@repo/providers';

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

/** The one table: every error kind of @repo/core's hierarchy and the status it answers with. */
export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  overloaded: 429,
  aborted: CLIENT_CLOSED_REQUEST,
  internal: 500,
  upstream_failure: 502,
  model_output_unusable: 502,
  unavailable: 503,
  timeout: 504,
};

export function toHttpError(error: unknown): MappedError {
  if (error instanceof AiError) return fromAiError(error);
  if (error instanceof HttpException) return fromHttpException(error);
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

function fromAiError(error: AiError): MappedError {
  const status = STATUS_BY_KIND[error.kind] ?? 500;
  if (error.kind === 'aborted') return { status, body: undefined, headers: {}, unexpected: false };
  // A bug or an unexpected state: its message may hold internals, so it stays in the log.
  if (status === 500) return { ...make(500, 'Internal server error.'), unexpected: true };
  const mapped = make(status, publicMessage(error), error.details);
  if (error.retryAfterMs === undefined || status !== 429) return mapped;
  const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
  mapped.headers['Retry-After'] = String(seconds);
  return { ...mapped, body: { ...mapped.body, retryAfter: seconds } };
}

/** Provider trouble is said from the caller's side: which provider, what to check. */
function publicMessage(error: AiError): string {
  if (error instanceof RateLimitError)
    return `The ${error.provider ?? 'model'} provider is rate limiting us.`;
  if (error instanceof AuthenticationError) {
    const variable = error.provider ? providerEnvVars(error.provider).apiKey : 'the API key';
    return `The ${error.provider ?? 'model'} provider rejected the configured key; check ${variable}.`;
  }
  if (error instanceof ProviderError)
    return `The ${error.provider ?? 'model'} provider failed: ${error.message}`;
  return error.message;
}

function make(
  status: number,
  message: string,
  details: InvalidInputDetail[] = [],
): MappedError & { body: ErrorBody } {
  return {
    status,
    body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, details },
    headers: {},
    unexpected: false,
  };
}

function fromHttpException(error: HttpException): MappedError {
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
