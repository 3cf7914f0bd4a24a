// OpenAI-shaped JSON responses and error bodies, so SDK clients map our errors to their own
// error classes (BadRequestError, RateLimitError, …) exactly as they would for the hosted API.

export class InvalidRequestError extends Error {
  constructor(
    message: string,
    readonly param: string | null,
  ) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

/** Throws the 400 for a bad field; the router turns it into an OpenAI error body. */
export function failInvalid(message: string, param: string): never {
  throw new InvalidRequestError(message, param);
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** The error `type` OpenAI uses for a status, so clients that switch on it behave the same. */
export function errorTypeForStatus(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

export interface ErrorResponseOptions {
  param?: string | null;
  type?: string;
  code?: string | null;
  retryAfter?: number;
  headers?: Record<string, string>;
}

export function errorResponse(status: number, message: string, options: ErrorResponseOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.retryAfter !== undefined) headers['retry-after'] = String(options.retryAfter);
  const error = {
    message,
    type: options.type ?? errorTypeForStatus(status),
    param: options.param ?? null,
    code: options.code ?? null,
  };
  return jsonResponse({ error }, status, headers);
}

export function invalidRequest(error: InvalidRequestError): Response {
  return errorResponse(400, error.message, { param: error.param });
}
