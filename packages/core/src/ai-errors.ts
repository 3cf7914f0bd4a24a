// One error hierarchy for every package (docs/conventions.md rule 11). Errors carry data (a
// transport-neutral kind, retryability, the fields at fault, how long to wait) so that apps map
// them to HTTP in one table (@repo/nest's map-error.ts) and a CLI or a job report can do the same
// without knowing any package's classes.

/**
 * What went wrong, seen from the caller, independent of HTTP. `@repo/nest` maps each kind to one
 * status: invalid_input 400, unauthenticated 401, not_found 404, conflict 409, too_large 413, unsupported_media_type
 * 415, unprocessable 422, rate_limited and overloaded 429, aborted 499, internal 500,
 * upstream_failure and model_output_unusable 502, unavailable 503, timeout 504.
 */
export type ErrorKind =
  /** The caller's input is wrong (with the fields at fault). */
  | 'invalid_input'
  /** The caller did not prove who it is (the app's own token missing or wrong). */
  | 'unauthenticated'
  /** What the caller named does not exist. */
  | 'not_found'
  /** The request clashes with what is stored or with the state of the thing it acts on. */
  | 'conflict'
  /** The input is over a size limit (the reason names the limit). */
  | 'too_large'
  /** The input is of a type we cannot read. */
  | 'unsupported_media_type'
  /** The input is well-formed but cannot be processed (a corrupt file, nothing to do). */
  | 'unprocessable'
  /** A provider is rate limiting us; `retryAfterMs` when it said how long to wait. */
  | 'rate_limited'
  /** Our own queues are full; `retryAfterMs` says when to come back. */
  | 'overloaded'
  /** The caller left (its AbortSignal fired): nothing to answer. */
  | 'aborted'
  /** A provider (or an MCP server) failed or refused us. */
  | 'upstream_failure'
  /** The model answered, but not in a form we can use (bad JSON, a tool loop that never ends). */
  | 'model_output_unusable'
  /** A resource we need is not available now (a store that does not open). */
  | 'unavailable'
  /** Something took longer than its limit. */
  | 'timeout'
  /** A bug or an unexpected state: the details stay in the log. */
  | 'internal';

export interface InvalidInputDetail {
  field: string;
  reason: string;
}

export interface AiErrorOptions {
  code?: string;
  cause?: unknown;
  /** Default: the class's own kind (`internal` for a bare AiError). */
  kind?: ErrorKind;
  /** The fields at fault and why (shown to the caller). */
  details?: InvalidInputDetail[];
  /** For rate_limited and overloaded: how long the caller should wait. */
  retryAfterMs?: number;
}

export class AiError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: InvalidInputDetail[];
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: AiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'ai_error';
    this.kind = options.kind ?? 'internal';
    this.details = options.details ?? [];
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * The same error with other details (e.g. an app naming its own request field where a package
 * said `file`): kind, code, message and retry hint kept, the original as the cause.
 */
export function withDetails(error: AiError, details: InvalidInputDetail[]): AiError {
  return new AiError(error.message, {
    code: error.code,
    kind: error.kind,
    details,
    retryAfterMs: error.retryAfterMs,
    cause: error,
  });
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
    super(message, {
      code: options.code ?? 'provider_error',
      cause: options.cause,
      kind: options.kind ?? 'upstream_failure',
      retryAfterMs: options.retryAfterMs,
    });
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
  constructor(message: string, options: ProviderErrorOptions = {}) {
    super(message, {
      status: 429,
      code: 'rate_limited',
      retryable: true,
      ...options,
      kind: 'rate_limited',
    });
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

/**
 * The caller's input is wrong; `details` names each field and why. Subclasses may narrow the kind
 * (too_large, unsupported_media_type, unprocessable) and still be caught as bad input.
 */
export class InvalidInputError extends AiError {
  constructor(message: string, details: InvalidInputDetail[] = [], options: AiErrorOptions = {}) {
    super(message, { code: 'invalid_input', kind: 'invalid_input', ...options, details });
  }
}

export class TimeoutError extends AiError {
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, options: AiErrorOptions = {}) {
    super(message, { code: 'timeout', kind: 'timeout', ...options });
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted the request (its AbortSignal fired). Never retried. */
export class AbortedError extends AiError {
  constructor(message = 'The request was aborted', options: AiErrorOptions = {}) {
    super(message, { code: 'aborted', kind: 'aborted', ...options });
  }
}

/** No API key was given and the environment variable that would hold it is empty. */
export class MissingApiKeyError extends AiError {
  readonly environmentVariableName: string;

  constructor(message: string, environmentVariableName: string) {
    super(message, {
      code: 'missing_api_key',
      kind: 'invalid_input',
      details: [{ field: 'provider', reason: `set ${environmentVariableName}` }],
    });
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
  declare readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options: AiErrorOptions = {}) {
    super(message, { code: 'overloaded', ...options, kind: 'overloaded', retryAfterMs });
  }
}
