// The admission limit follows the event loop, additive increase / multiplicative decrease like
// TCP's congestion window (and Netflix's concurrency-limits): a tick every TICK_MS measures how
// late it fired; later than the target means the requests in flight already hold the loop (the
// embedded model, PGlite and tokenisers run on this thread), so the limit shrinks by a quarter;
// on time with requests waiting, it grows by one, up to HTTP_MAX_IN_FLIGHT. Requests that wait
// on a hosted provider leave the loop free, so they keep the whole limit; work done in-process is
// cut to what keeps /health and new connections answering within the target. Only the lateness
// this process caused counts: the delay is scaled by the share of the tick's wall time the process
// spent on a CPU, so other programs keeping a shared machine busy do not shrink the limit (and
// queue requests that the loop had time for).
import type { WorkQueue } from '@repo/core';

export const TICK_MS = 50;
/** The limit before the first tick (slow start). */
export const START_LIMIT = 4;
/** Loop delay above which the limit shrinks. */
export const TARGET_DELAY_MS = 20;

export interface LimitOptions {
  /** The ceiling: HTTP_MAX_IN_FLIGHT. */
  max: number;
  targetDelayMs?: number;
}

/** The next limit after a tick that fired `delayMs` late, with `queued` requests waiting. */
export function nextLimit(
  limit: number,
  delayMs: number,
  queued: number,
  options: LimitOptions,
): number {
  if (delayMs > (options.targetDelayMs ?? TARGET_DELAY_MS))
    return Math.max(1, Math.floor(limit * 0.75));
  return queued > 0 ? Math.min(options.max, limit + Math.max(1, Math.floor(limit / 4))) : limit;
}

/** Starts the ticks; returns the function that stops them. */
export function adaptToLoopDelay(queue: WorkQueue, options: LimitOptions): () => void {
  let last = performance.now();
  let expected = last + TICK_MS;
  let cpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const ownShare = Math.min(1, (used.user + used.system) / 1000 / Math.max(1, now - last));
    const delay = Math.max(0, now - expected) * ownShare;
    last = now;
    expected = now + TICK_MS;
    const limit = nextLimit(queue.concurrency, delay, queue.queued, options);
    if (limit !== queue.concurrency) queue.setConcurrency(limit);
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
