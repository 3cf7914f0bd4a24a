import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  AiError,
  AuthenticationError,
  InvalidInputError,
  isRetryableError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitError,
  TimeoutError,
} from './ai-errors.js';

describe('error hierarchy', () => {
  it('carries data and keeps the class name', () => {
    const error = new RateLimitError('slow down', {
      provider: 'deepseek',
      model: 'deepseek-v4-flash',
      retryAfterMs: 2000,
      requestId: 'req_1',
    });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toBeInstanceOf(AiError);
    expect(error.name).toBe('RateLimitError');
    expect(error.status).toBe(429);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(2000);
    expect(error.requestId).toBe('req_1');
    expect(error.provider).toBe('deepseek');
    expect(isRetryableError(error)).toBe(true);
  });

  it('never retries authentication errors, even when asked to', () => {
    const error = new AuthenticationError('bad key', { status: 401, retryable: true });
    expect(error.retryable).toBe(false);
    expect(isRetryableError(error)).toBe(false);
  });

  it('marks unavailable providers retryable and keeps the cause', () => {
    const cause = new Error('ECONNRESET');
    const error = new ProviderUnavailableError('down', { status: 503, cause });
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(cause);
    expect(isRetryableError(error)).toBe(true);
  });

  it('names fields in invalid input', () => {
    const error = new InvalidInputError('bad request', [
      { field: 'message', reason: 'is required' },
    ]);
    expect(error.details).toEqual([{ field: 'message', reason: 'is required' }]);
    expect(error.code).toBe('invalid_input');
    expect(isRetryableError(error)).toBe(false);
  });

  it('keeps timeouts and aborts apart from provider errors', () => {
    expect(new TimeoutError('too slow', 500).timeoutMs).toBe(500);
    expect(isRetryableError(new TimeoutError('too slow', 500))).toBe(false);
    expect(new AbortedError().code).toBe('aborted');
    expect(isRetryableError(new Error('plain'))).toBe(false);
  });
});
