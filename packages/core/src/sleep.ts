// setTimeout as a promise that a caller's abort cuts short: the backoff wait of @repo/providers'
// retries (the one retry layer; RAG's batches and the eval runner rely on it), and for any caller.
import { AbortedError } from './ai-errors.js';

/** Waits `ms`; rejects with AbortedError as soon as `signal` aborts (or at once if it has). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
