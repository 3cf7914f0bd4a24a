// A bounded work queue: at most `concurrency` tasks run, at most `maxQueued` more wait their turn,
// and one more is refused at once with OverloadedError (HTTP 429 + Retry-After), so overload
// becomes a clear answer instead of a pile of requests that time out. Written here rather than
// taken from p-limit or p-queue: neither refuses work when full, and the Retry-After estimate
// needs the queue's own timing. The apps' request admission, RAG ingest jobs and eval runs share it.
import { AbortedError, OverloadedError } from './ai-errors.js';

export interface WorkQueueOptions {
  /** Tasks running at once (≥ 1). */
  concurrency: number;
  /** Tasks that may wait beyond those running (≥ 0); one more is refused. */
  maxQueued: number;
  /** What the tasks are, for the refusal message: "requests", "ingest jobs". */
  name?: string;
  /** How to raise the limit, appended to the message: "raise MAX_IN_FLIGHT". */
  hint?: string;
  /** Bounds of the Retry-After estimate (default 1 s and 60 s). */
  minRetryAfterMs?: number;
  maxRetryAfterMs?: number;
  /** Clock in ms (tests); default performance.now. */
  now?: () => number;
}

export interface WorkQueueRunOptions {
  /** Aborting while the task waits removes it from the queue (rejects with AbortedError). */
  signal?: AbortSignal;
}

export interface WorkQueue {
  /** Runs `task` when a slot is free; rejects with OverloadedError when the queue is full. */
  run<T>(task: () => Promise<T>, options?: WorkQueueRunOptions): Promise<T>;
  /** Tasks running now. */
  readonly running: number;
  /** Tasks waiting for a slot. */
  readonly queued: number;
  /** Tasks allowed to run at once now. */
  readonly concurrency: number;
  /** Changes how many tasks may run at once (≥ 1); raising it starts waiting tasks. */
  setConcurrency(concurrency: number): void;
  /** How long a refused caller is told to wait, from the recent task durations. */
  retryAfterMs(): number;
}

interface Waiter {
  start: () => void;
  cancel: () => void;
}

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  let concurrency = Math.max(1, Math.floor(options.concurrency));
  const maxQueued = Math.max(0, Math.floor(options.maxQueued));
  const minRetry = options.minRetryAfterMs ?? 1000;
  const maxRetry = options.maxRetryAfterMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  const waiting: Waiter[] = [];
  let running = 0;
  // Exponentially weighted mean task duration: the queue drains at about concurrency / mean.
  let meanMs = 0;

  const retryAfterMs = () => {
    const drainMs = ((waiting.length + 1) * meanMs) / concurrency;
    return Math.min(maxRetry, Math.max(minRetry, Math.ceil(drainMs / 1000) * 1000));
  };

  const release = (startedAt: number) => {
    const took = now() - startedAt;
    meanMs = meanMs === 0 ? took : meanMs * 0.9 + took * 0.1;
    running--;
    if (running < concurrency) waiting.shift()?.start();
  };

  const execute = async <T>(task: () => Promise<T>): Promise<T> => {
    running++;
    const startedAt = now();
    try {
      return await task();
    } finally {
      release(startedAt);
    }
  };

  return {
    run<T>(task: () => Promise<T>, runOptions: WorkQueueRunOptions = {}): Promise<T> {
      const { signal } = runOptions;
      if (signal?.aborted) return Promise.reject(new AbortedError());
      if (running < concurrency) return execute(task);
      if (waiting.length >= maxQueued) {
        const what = options.name ?? 'tasks';
        const retryAfter = retryAfterMs();
        const hint = options.hint ? `; ${options.hint}` : '';
        return Promise.reject(
          new OverloadedError(
            `Too many ${what} at once (${running} running, ${waiting.length} waiting); ` +
              `retry in ${Math.ceil(retryAfter / 1000)} s${hint}.`,
            retryAfter,
          ),
        );
      }
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => waiter.cancel();
        const waiter: Waiter = {
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            execute(task).then(resolve, reject);
          },
          cancel: () => {
            const index = waiting.indexOf(waiter);
            if (index >= 0) waiting.splice(index, 1);
            reject(new AbortedError());
          },
        };
        waiting.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
    get concurrency() {
      return concurrency;
    },
    setConcurrency(value: number) {
      concurrency = Math.max(1, Math.floor(value));
      while (running < concurrency && waiting.length > 0) waiting.shift()!.start();
    },
    retryAfterMs,
  };
}
