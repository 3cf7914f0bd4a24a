// The small fetch client behind the DashScope and Together backends: bearer auth with a key read
// when the request is made, JSON in and out, multipart uploads, errors through providerErrorFor,
// and @repo/providers' withRetry (the one retry loop) for what is safe to repeat.
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { loadApiKey } from '@repo/core';
import { parseRetryAfter, withRetry, type RetryOptions } from '@repo/providers';
import { providerErrorFor } from './jobs-errors.js';
import type { UploadSource } from './job-types.js';

export interface RestClientOptions {
  provider: string;
  baseURL: string;
  apiKey: () => string;
  fetch?: typeof globalThis.fetch;
  retry?: RetryOptions;
  /** The provider's error body → its message and code. */
  errorOf: (body: unknown) => { message?: string; code?: string; requestId?: string };
}

/** What a REST backend (DashScope, Together) is configured with; the key only from here or env. */
export interface RestBackendOptions {
  apiKey?: string;
  env?: Record<string, string | undefined>;
  baseURL?: string;
  fetch?: typeof globalThis.fetch;
  retry?: RetryOptions;
}

/** A REST client for one provider from its backend options: the key from `apiKey` or `envVar`. */
export function restClientFor(
  options: RestBackendOptions,
  provider: {
    name: string;
    description: string;
    envVar: string;
    baseURL: string;
    errorOf: RestClientOptions['errorOf'];
  },
): RestClient {
  return createRestClient({
    provider: provider.name,
    baseURL: options.baseURL ?? provider.baseURL,
    apiKey: () =>
      loadApiKey({
        apiKey: options.apiKey,
        environmentVariableName: provider.envVar,
        description: provider.description,
        env: options.env,
      }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    errorOf: provider.errorOf,
  });
}

export interface RestRequest {
  method: 'GET' | 'POST';
  path: string;
  json?: unknown;
  form?: FormData;
  /** False for a request that must not be repeated (a create without an idempotency key). */
  retry?: boolean;
  headers?: Record<string, string>;
}

export type RestClient = (request: RestRequest) => Promise<unknown>;

export function createRestClient(options: RestClientOptions): RestClient {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const once = async (request: RestRequest, apiKey: string): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetchFn(
        new URL(request.path.replace(/^\//, ''), withSlash(options.baseURL)),
        {
          method: request.method,
          headers: {
            Authorization: `Bearer ${apiKey}`,
            ...(request.json === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...request.headers,
          },
          body:
            request.form ?? (request.json === undefined ? undefined : JSON.stringify(request.json)),
        },
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw providerErrorFor({
        provider: options.provider,
        status: undefined,
        message: `could not connect: ${reason}`,
        apiKey,
      });
    }
    const text = await response.text();
    const body = parseJson(text);
    if (response.ok) return body;
    const described = options.errorOf(body);
    throw providerErrorFor({
      provider: options.provider,
      status: response.status,
      message: described.message ?? `HTTP ${response.status}`,
      code: described.code,
      requestId: described.requestId ?? response.headers.get('x-request-id') ?? undefined,
      retryAfterMs: parseRetryAfter(response.headers),
      body,
      apiKey,
    });
  };
  return (request) => {
    const apiKey = options.apiKey();
    const retry = request.retry === false ? { ...options.retry, maxRetries: 0 } : options.retry;
    return withRetry(() => once(request, apiKey), retry);
  };
}

/** A multipart body with `file` (read from a path, or collected from a stream) and `fields`. */
export async function uploadForm(
  source: UploadSource,
  fields: Record<string, string>,
  filename?: string,
): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (typeof source === 'string') {
    form.append('file', await openAsBlob(source), filename ?? path.basename(source));
  } else {
    const chunks: Buffer[] = [];
    for await (const chunk of source) chunks.push(Buffer.from(chunk as Uint8Array));
    form.append('file', new Blob([Buffer.concat(chunks)]), filename ?? 'train.jsonl');
  }
  return form;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}
