// A job as the API answers it (the contract's `JobView`), and the record the app keeps for each
// job in its data folder: the view plus what only the app knows (its datasets, alias, method and
// the idempotency key it was submitted with). Metrics come from the backend's `metrics` events.
import type { Job, JobEvent, JobStatus } from '@repo/fine-tuning';

export type JobMethod = 'supervised' | 'dpo';

export interface MetricsPoint {
  step: number;
  trainLoss: number;
  validLoss: number | null;
}

export interface JobView {
  id: string;
  backend: string;
  status: JobStatus;
  rawStatus: string;
  model: string;
  fineTunedModel: string | null;
  alias: string | null;
  error: { message: string; code?: string } | null;
  createdAt: string;
  finishedAt: string | null;
  trainingDataset: string;
  validationDataset: string | null;
  method: JobMethod;
  lastMetrics: { step: number; trainLoss: number; validLoss?: number } | null;
}

export interface AppJobRecord extends JobView {
  idempotencyKey?: string;
}

/** The record with the backend's latest word on the job. */
export function withJob(record: AppJobRecord, job: Job): AppJobRecord {
  return {
    ...record,
    status: job.status,
    rawStatus: job.rawStatus,
    model: job.model,
    fineTunedModel: job.fineTunedModel ?? null,
    error: job.error
      ? { message: job.error.message, ...(job.error.code ? { code: job.error.code } : {}) }
      : null,
    finishedAt: job.finishedAt === undefined ? null : new Date(job.finishedAt).toISOString(),
  };
}

/** The view, in the contract's field order, without what only the app keeps. */
export function toView(record: AppJobRecord): JobView {
  return {
    id: record.id,
    backend: record.backend,
    status: record.status,
    rawStatus: record.rawStatus,
    model: record.model,
    fineTunedModel: record.fineTunedModel,
    alias: record.alias,
    error: record.error,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
    trainingDataset: record.trainingDataset,
    validationDataset: record.validationDataset,
    method: record.method,
    lastMetrics: record.lastMetrics,
  };
}

/** A `metrics` event's point (`train_loss`, `valid_loss` as local-llm and OpenAI send them). */
export function metricsOf(event: JobEvent): MetricsPoint | undefined {
  const data = event.data;
  if (event.type !== 'metrics' || !data) return undefined;
  const step = Number(data.step);
  const trainLoss = Number(data.train_loss);
  if (!Number.isFinite(step) || !Number.isFinite(trainLoss)) return undefined;
  const valid = Number(data.valid_loss);
  return {
    step,
    trainLoss,
    validLoss: data.valid_loss == null || !Number.isFinite(valid) ? null : valid,
  };
}

export function lastMetricsOf(point: MetricsPoint): NonNullable<JobView['lastMetrics']> {
  return {
    step: point.step,
    trainLoss: point.trainLoss,
    ...(point.validLoss === null ? {} : { validLoss: point.validLoss }),
  };
}
