// After a restart: every recorded job that had not finished is followed again, all at once, each
// through the backend that holds it; the record's status is kept current by the backend itself
// (every job it reads updates its record). A record whose backend is gone is reported, not dropped.
import { followJob, type FollowJobOptions } from './follow-job.js';
import type { JobRecord, JobRecordStore } from './job-records.js';
import { isTerminal, type FineTuningBackend, type Job, type JobEvent } from './job-types.js';

export interface FollowRecordedJobsOptions extends Omit<FollowJobOptions, 'onEvent' | 'onStatus'> {
  /** By the backend name in the records (`local-llm`, `openai`, …). */
  backends: Readonly<Record<string, FineTuningBackend>>;
  onEvent?: (record: JobRecord, event: JobEvent) => void | Promise<void>;
  onStatus?: (record: JobRecord, job: Job) => void | Promise<void>;
  /** Called once per job that reaches a terminal status, with its record as now stored. */
  onFinished?: (record: JobRecord, job: Job) => void | Promise<void>;
}

export type FollowOutcome =
  | { record: JobRecord; job: Job }
  | { record: JobRecord; error: unknown }
  | { record: JobRecord; skipped: string };

/** Follows every unfinished record to its end; resolves when all have ended (or failed to). */
export async function followRecordedJobs(
  records: JobRecordStore,
  options: FollowRecordedJobsOptions,
): Promise<FollowOutcome[]> {
  const { backends, onEvent, onStatus, onFinished, ...follow } = options;
  const unfinished = (await records.list()).filter((record) => !isTerminal(record.status));
  return Promise.all(
    unfinished.map(async (record): Promise<FollowOutcome> => {
      const backend = backends[record.backend];
      if (!backend)
        return { record, skipped: `no backend named "${record.backend}" is configured` };
      try {
        const job = await followJob(backend, record.jobId, {
          ...follow,
          ...(onEvent && { onEvent: (event) => onEvent(record, event) }),
          ...(onStatus && { onStatus: (job) => onStatus(record, job) }),
        });
        const stored = (await records.get(record.backend, record.jobId)) ?? record;
        await onFinished?.(stored, job);
        return { record: stored, job };
      } catch (error) {
        return { record, error };
      }
    }),
  );
}
