// Provider answers → @repo/core's error hierarchy, for every job backend (the SDK one and the two
// fetch ones): the provider's own message and code are kept, the API key never is.
import {
  AiError,
  AuthenticationError,
  InvalidInputError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitError,
  type ErrorKind,
} from '@repo/core';

export interface HttpFailure {
  provider: string;
  status: number | undefined;
  message: string;
  code?: string | undefined;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  body?: unknown;
  apiKey?: string | undefined;
}

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'invalid_input',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  422: 'unprocessable',
};

/** A typed error for a provider's error answer (or a failure to reach it: `status` undefined). */
export function providerErrorFor(failure: HttpFailure): ProviderError {
  const redact = (text: string) => redactKey(text, failure.apiKey);
  const message = `${failure.provider}: ${redact(failure.message)}`;
  const options = {
    provider: failure.provider,
    status: failure.status,
    requestId: failure.requestId,
    body: redactBody(failure.body, failure.apiKey),
    ...(failure.code === undefined ? {} : { code: failure.code }),
  };
  const { status } = failure;
  if (status === 401 || status === 403) return new AuthenticationError(message, options);
  if (status === 429)
    return new RateLimitError(message, { ...options, retryAfterMs: failure.retryAfterMs });
  if (status === undefined || status >= 500)
    return new ProviderUnavailableError(message, {
      ...options,
      retryAfterMs: failure.retryAfterMs,
    });
  return new ProviderError(message, {
    ...options,
    kind: KIND_BY_STATUS[status] ?? 'upstream_failure',
    retryable: status === 408,
  });
}

/** An operation this backend's API does not offer (or that we could not confirm it offers). */
export class UnsupportedJobOperationError extends AiError {
  readonly backend: string;
  readonly operation: string;

  constructor(backend: string, operation: string) {
    super(`${backend} jobs do not support ${operation}`, {
      code: 'unsupported_operation',
      kind: 'unprocessable',
      details: [{ field: 'operation', reason: `${operation} is not available on ${backend}` }],
    });
    this.backend = backend;
    this.operation = operation;
  }
}

export function invalidOption(field: string, reason: string): InvalidInputError {
  return new InvalidInputError(`${field}: ${reason}`, [{ field, reason }]);
}

export function redactKey(text: string, apiKey: string | undefined): string {
  const withoutKey = apiKey && apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
  return withoutKey.replace(/\b(sk|ak|pk)-[A-Za-z0-9_*.-]{6,}/g, '[redacted]');
}

function redactBody(body: unknown, apiKey: string | undefined): unknown {
  if (body === undefined) return undefined;
  try {
    return JSON.parse(redactKey(JSON.stringify(body), apiKey)) as unknown;
  } catch {
    return undefined;
  }
}
