// One error hierarchy for every package (docs/conventions.md rule 11). Errors carry data (status,
// retryability, the field at fault) so that apps map them to HTTP in one place.

export interface AiErrorOptions {
  code?: string;
  cause?: unknown;
}

export class AiError extends Error {
  readonly code: string;

  constructor(message: string, options: AiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'ai_error';
  }
}

export interface ProviderErrorOptions extends AiErrorOptions {
  provider?: string;
  model?: string;
  status?: number;
  requestId?: string;
  retryable?: boolean;
  /** The provider's error body, when it sent one (never contains our credentials). */
  body?: unknown;
}

/** The provider answered with an error, or could not be reached. */
export class ProviderError extends AiError {
  readonly provider: string | undefined;
  readonly model: string | undefined;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly body: unknown;

  constructor(message: string, options: ProviderErrorOptions = {}) {
    super(message, { code: options.code ?? 'provider_error', cause: options.cause });
    this.provider = options.provider;
    this.model = options.model;
    this.status = options.status;
    this.requestId = options.requestId;
    this.retryable = options.retryable ?? false;
    this.body = options.body;
  }
}

/** 429. `retryAfterMs` comes from the provider's `Retry-After` header when it sent one. */
export class RateLimitError extends ProviderError {
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ProviderErrorOptions & { retryAfterMs?: number } = {}) {
    super(message, { status: 429, code: 'rate_limited', retryable: true, ...options });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 401/403: a missing, wrong or unauthorised key. Never retried. */
export class AuthenticationError extends ProviderError {
  constructor(message: string, options: ProviderErrorOptions = {}) {
    super(message, { code: 'authentication_failed', ...options, retryable: false });
  }
}

/** 5xx, connection refused or reset, a stream cut before it finished. */
export class ProviderUnavailableError extends ProviderError {
  constructor(message: string, options: ProviderErrorOptions = {}) {
    super(message, { code: 'provider_unavailable', retryable: true, ...options });
  }
}

export interface InvalidInputDetail {
  field: string;
  reason: string;
}

/** The caller's input is wrong; `details` names each field and why. */
export class InvalidInputError extends AiError {
  readonly details: InvalidInputDetail[];

  constructor(message: string, details: InvalidInputDetail[] = [], options: AiErrorOptions = {}) {
    super(message, { code: 'invalid_input', ...options });
    this.details = details;
  }
}

export class TimeoutError extends AiError {
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, options: AiErrorOptions = {}) {
    super(message, { code: 'timeout', ...options });
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted the request (its AbortSignal fired). Never retried. */
export class AbortedError extends AiError {
  constructor(message = 'The request was aborted', options: AiErrorOptions = {}) {
    super(message, { code: 'aborted', ...options });
  }
}

/** No API key was given and the environment variable that would hold it is empty. */
export class MissingApiKeyError extends AiError {
  readonly environmentVariableName: string;

  constructor(message: string, environmentVariableName: string) {
    super(message, { code: 'missing_api_key' });
    this.environmentVariableName = environmentVariableName;
  }
}

/** True for errors worth another attempt: rate limits, 5xx, connection failures. */
export function isRetryableError(error: unknown): boolean {
  return error instanceof ProviderError && error.retryable;
}

/**
 * Too much work in flight: the caller should come back later (HTTP 429 with `Retry-After`).
 * Thrown by bounded queues instead of letting work pile up until clients time out.
 */
export class OverloadedError extends AiError {
  /** How long the caller should wait before trying again. */
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options: AiErrorOptions = {}) {
    super(message, { code: 'overloaded', ...options });
    this.retryAfterMs = retryAfterMs;
  }
}
