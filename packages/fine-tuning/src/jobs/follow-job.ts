// Following a job to its end: polls the job and its events, hands each new event over once (by
// id), backs off while nothing changes, waits what a 429's Retry-After asks, and returns the job
// at its terminal status. Events are read once more after the end, so the last ones are not lost.
import { isRetryableError, sleep as coreSleep } from '@repo/core';
import { invalidOption } from './jobs-errors.js';
import { isTerminal, type FineTuningBackend, type Job, type JobEvent } from './job-types.js';

export interface FollowJobOptions {
  onEvent?: (event: JobEvent) => void | Promise<void>;
  /** Called whenever the status (or raw status) changes, and once at the start. */
  onStatus?: (job: Job) => void | Promise<void>;
  signal?: AbortSignal;
  /** First wait between polls (default 2000 ms); doubles while nothing changes. */
  pollMs?: number;
  /** Longest wait between polls (default 30000 ms, or pollMs when larger). */
  maxPollMs?: number;
  /** Failed polls in a row (retryable errors only) before giving up (default 5). */
  maxFailures?: number;
  /** Injected in tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export async function followJob(
  backend: FineTuningBackend,
  id: string,
  options: FollowJobOptions = {},
): Promise<Job> {
  const pollMs = options.pollMs ?? 2000;
  if (!(pollMs > 0)) throw invalidOption('pollMs', 'must be a positive number of milliseconds');
  const maxPollMs = Math.max(pollMs, options.maxPollMs ?? 30_000);
  const maxFailures = options.maxFailures ?? 5;
  const wait = options.sleep ?? coreSleep;
  const seen = new Set<string>();
  let lastEventId: string | undefined;
  let lastStatus: string | undefined;
  let delay = pollMs;
  let failures = 0;

  const readEvents = async (): Promise<boolean> => {
    const events = await backend.events(
      id,
      lastEventId === undefined ? {} : { after: lastEventId },
    );
    let fresh = false;
    for (const event of events) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      lastEventId = event.id;
      fresh = true;
      await options.onEvent?.(event);
    }
    return fresh;
  };

  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const job = await backend.get(id);
      const changed = `${job.status}/${job.rawStatus}` !== lastStatus;
      if (changed) {
        lastStatus = `${job.status}/${job.rawStatus}`;
        await options.onStatus?.(job);
      }
      const fresh = await readEvents();
      if (isTerminal(job.status)) return job;
      failures = 0;
      delay = changed || fresh ? pollMs : Math.min(maxPollMs, delay * 2);
      await wait(delay, options.signal);
    } catch (error) {
      if (!isRetryableError(error) || ++failures > maxFailures) throw error;
      const hint = (error as { retryAfterMs?: number }).retryAfterMs;
      delay = Math.min(maxPollMs, delay * 2);
      await wait(hint ?? delay, options.signal);
    }
  }
}
