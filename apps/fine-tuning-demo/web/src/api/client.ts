// fetch for /api/fine-tuning: same origin only, JSON in and out, and one error type carrying the
// server's error body (and the Retry-After of a 429), so every view can show the server's message.
import { t } from '../i18n/i18n.js';
import type { ErrorBody } from './types.js';

export const API = '/api/fine-tuning';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: ErrorBody,
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function describeError(body: ErrorBody | undefined, status: number): string {
  if (!body?.message) return `${status}`;
  const fields = (body.details ?? []).map((detail) => `${detail.field}: ${detail.reason}`);
  return fields.length > 0 ? `${body.message} (${fields.join('; ')})` : body.message;
}

export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function errorFrom(status: number, data: unknown, retryAfter: string | null): ApiError {
  const body = data && typeof data === 'object' ? (data as ErrorBody) : undefined;
  const seconds = retryAfter === null ? undefined : Number(retryAfter);
  return new ApiError(status, describeError(body, status), body, seconds);
}

/** Any 2xx resolves with its JSON; anything else throws an ApiError. */
export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(API + path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, t('networkError'));
  }
  const data = parseJson(await response.text());
  if (!response.ok) throw errorFrom(response.status, data, response.headers.get('Retry-After'));
  return data as T;
}

export const enc = encodeURIComponent;
