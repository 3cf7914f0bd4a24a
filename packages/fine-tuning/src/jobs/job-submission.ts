// Idempotent submission shared by every backend: a key already in the record store returns its
// job (even from a server that ignores the Idempotency-Key header, such as local-llm), concurrent
// submits with one key share one request, and each job seen updates its record's last status.
import type { JobRecordStore } from './job-records.js';
import type { Job, JobSpec } from './job-types.js';

export interface JobSubmission {
  create(spec: JobSpec, key: string | undefined, submit: () => Promise<Job>): Promise<Job>;
  /** Records the job's latest status when a record exists for it; returns the job. */
  seen(job: Job): Promise<Job>;
}

export function createJobSubmission(
  backend: string,
  records: JobRecordStore,
  get: (id: string) => Promise<Job>,
): JobSubmission {
  const inFlight = new Map<string, Promise<Job>>();
  const save = (job: Job, spec: JobSpec, key: string | undefined) =>
    records.put({
      jobId: job.id,
      backend,
      ...(key === undefined ? {} : { idempotencyKey: key }),
      spec,
      status: job.status,
      rawStatus: job.rawStatus,
      ...(job.fineTunedModel === undefined ? {} : { fineTunedModel: job.fineTunedModel }),
      updatedAt: Date.now(),
    });

  const submitOnce = async (spec: JobSpec, key: string | undefined, submit: () => Promise<Job>) => {
    if (key !== undefined) {
      const known = await records.findByIdempotencyKey(backend, key);
      if (known) return get(known.jobId);
    }
    const job = await submit();
    await save(job, spec, key);
    return job;
  };

  return {
    create(spec, key, submit) {
      if (key === undefined) return submitOnce(spec, key, submit);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const started = submitOnce(spec, key, submit).finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    async seen(job) {
      const record = await records.get(backend, job.id);
      if (record && (record.status !== job.status || record.fineTunedModel !== job.fineTunedModel))
        await save(job, record.spec, record.idempotencyKey);
      return job;
    },
  };
}
