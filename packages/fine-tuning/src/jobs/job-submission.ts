// Idempotent submission shared by every backend: a key already in the record store returns its
// job (even from a server that ignores the Idempotency-Key header, such as local-llm), concurrent
// submits with one key share one request, and each job seen updates its record's last status.
import type { JobRecord, JobRecordStore } from './job-records.js';
import type { CreateJobOptions, Job, JobSpec } from './job-types.js';

export interface JobSubmission {
  create(spec: JobSpec, options: CreateJobOptions, submit: () => Promise<Job>): Promise<Job>;
  /** Records the job's latest status when a record exists for it; returns the job. */
  seen(job: Job): Promise<Job>;
}

export function createJobSubmission(
  backend: string,
  records: JobRecordStore,
  get: (id: string) => Promise<Job>,
): JobSubmission {
  const inFlight = new Map<string, Promise<Job>>();
  const save = (job: Job, spec: JobSpec, options: CreateJobOptions) =>
    records.put(recordOf(backend, job, spec, options));

  const submitOnce = async (
    spec: JobSpec,
    options: CreateJobOptions,
    submit: () => Promise<Job>,
  ) => {
    if (options.idempotencyKey !== undefined) {
      const known = await records.findByIdempotencyKey(backend, options.idempotencyKey);
      if (known) return get(known.jobId);
    }
    const job = await submit();
    await save(job, spec, options);
    return job;
  };

  return {
    create(spec, options, submit) {
      const key = options.idempotencyKey;
      if (key === undefined) return submitOnce(spec, options, submit);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const started = submitOnce(spec, options, submit).finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    async seen(job) {
      const record = await records.get(backend, job.id);
      if (record && (record.status !== job.status || record.fineTunedModel !== job.fineTunedModel))
        await save(job, record.spec, record);
      return job;
    },
  };
}

function recordOf(backend: string, job: Job, spec: JobSpec, options: CreateJobOptions): JobRecord {
  return {
    jobId: job.id,
    backend,
    ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
    spec,
    status: job.status,
    rawStatus: job.rawStatus,
    ...(job.fineTunedModel === undefined ? {} : { fineTunedModel: job.fineTunedModel }),
    ...(options.alias === undefined ? {} : { alias: options.alias }),
    updatedAt: Date.now(),
  };
}
