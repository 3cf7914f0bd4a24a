// fetch for /api/feedback: same origin only, the tokens as headers on every call (the campaign's
// invite token as X-Invite-Token, the admin token as a bearer), and one error type carrying the
// server's error body, so every view can show the server's own message.
import { adminToken, inviteToken } from '../storage.js';
import { t } from '../i18n/i18n.js';
import type { ErrorBody } from './types.js';

export const API = '/api/feedback';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: ErrorBody,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiReply<T> {
  status: number;
  headers: Headers;
  data: T | undefined;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Whose invite token to send. */
  campaignId?: string;
  signal?: AbortSignal;
}

export function authHeaders(campaignId?: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const invite = campaignId && inviteToken(campaignId);
  if (invite) headers['X-Invite-Token'] = invite;
  const admin = adminToken();
  if (admin) headers.Authorization = `Bearer ${admin}`;
  return headers;
}

function describe(body: ErrorBody | undefined, response: Response): string {
  if (!body?.message) return `${response.status} ${response.statusText}`.trim();
  const fields = (body.details ?? []).map((detail) => `${detail.field}: ${detail.reason}`);
  return fields.length > 0 ? `${body.message} (${fields.join('; ')})` : body.message;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Any 2xx resolves (204 with no data); anything else throws an ApiError. */
export async function apiRequest<T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiReply<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...authHeaders(options.campaignId),
  };
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
  const data = await readJson(response);
  if (!response.ok) {
    const body = data && typeof data === 'object' ? (data as ErrorBody) : undefined;
    throw new ApiError(response.status, describe(body, response), body);
  }
  return { status: response.status, headers: response.headers, data: data as T | undefined };
}

/** A GET or POST whose answer must carry JSON. */
export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const reply = await apiRequest<T>(path, options);
  if (reply.data === undefined) throw new ApiError(reply.status, `${reply.status}: no body`);
  return reply.data;
}

/** Saves an answer as a file (fetch, so the tokens go as headers, not in the link). */
export async function downloadFile(path: string, filename: string, campaignId?: string) {
  const response = await fetch(API + path, { headers: authHeaders(campaignId), cache: 'no-store' });
  if (!response.ok) {
    const body = (await readJson(response)) as ErrorBody | undefined;
    throw new ApiError(response.status, describe(body, response), body);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** How long a 202 or 429 asks to wait, in ms (default 2 s, at least 0.5 s). */
export function retryAfterMs(headers: Headers | undefined, fallbackS = 2): number {
  const seconds = Number(headers?.get('Retry-After') ?? fallbackS);
  return Math.max(500, (Number.isFinite(seconds) ? seconds : fallbackS) * 1000);
}
