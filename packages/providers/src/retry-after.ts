// Reading a provider's "wait this long" hint: `retry-after-ms` (OpenAI), `Retry-After` in
// seconds or as an HTTP date (RFC 9110). Kept apart from the retry loop so errors can carry it.

export function parseRetryAfter(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const header = headers.get('retry-after');
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

// Core's RateLimitError has `retryAfterMs`; a 503 may carry the same hint, kept here without
// widening core's ProviderUnavailableError.
const hints = new WeakMap<object, number>();

export function setRetryAfterHint(error: object, retryAfterMs: number | undefined): void {
  if (retryAfterMs !== undefined) hints.set(error, retryAfterMs);
}

export function retryAfterHintOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as { retryAfterMs?: unknown }).retryAfterMs;
  if (typeof own === 'number') return own;
  return hints.get(error);
}
