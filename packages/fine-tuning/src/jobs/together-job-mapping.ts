// Together's job objects ↔ the provider-neutral ones (see together-backend.ts for the pages read).
import type { Job, JobEvent, JobSpec } from './job-types.js';
import { mapStatus, TOGETHER_STATUSES } from './status-maps.js';

const NAME = 'together';
const FINISHED = new Set(['completed', 'error', 'cancelled']);

export interface TogetherJob {
  id: string;
  status: string;
  model?: string;
  model_output_name?: string;
  created_at: string;
  updated_at?: string;
  token_count?: number;
  n_epochs?: number;
  batch_size?: number | string;
  learning_rate?: number;
}

export interface TogetherEvent {
  created_at: string;
  level?: string | null;
  message: string;
  type?: string;
  hash?: string;
  step?: number;
}

export function toBody(spec: JobSpec) {
  const h = spec.hyperparameters ?? {};
  return {
    model: spec.model,
    training_file: spec.trainingFile,
    ...(spec.validationFile === undefined ? {} : { validation_file: spec.validationFile }),
    ...(spec.suffix === undefined ? {} : { suffix: spec.suffix }),
    ...(h.nEpochs === undefined ? {} : { n_epochs: h.nEpochs }),
    ...(h.batchSize === undefined ? {} : { batch_size: h.batchSize }),
    ...(h.learningRate === undefined ? {} : { learning_rate: h.learningRate }),
    training_method: spec.method === 'dpo' ? { method: 'dpo' } : { method: 'sft' },
  };
}

export function toJob(job: TogetherJob): Job {
  return {
    id: job.id,
    status: mapStatus(TOGETHER_STATUSES, job.status),
    rawStatus: job.status,
    model: job.model ?? '',
    ...(job.model_output_name && job.status === 'completed'
      ? { fineTunedModel: job.model_output_name }
      : {}),
    ...(job.status === 'error'
      ? { error: { message: 'the job ended with an error (see its events)' } }
      : {}),
    createdAt: Date.parse(job.created_at),
    // `updated_at` of a finished job as its end: unconfirmed (no finished_at field is documented).
    ...(FINISHED.has(job.status) && job.updated_at
      ? { finishedAt: Date.parse(job.updated_at) }
      : {}),
    ...(typeof job.token_count === 'number' ? { trainedTokens: job.token_count } : {}),
    hyperparameters: defined({
      n_epochs: job.n_epochs,
      batch_size: job.batch_size,
      learning_rate: job.learning_rate,
    }),
    backend: NAME,
  };
}

export function toEvent(event: TogetherEvent, index: number): JobEvent {
  const level =
    event.level === 'warning' || event.level === 'warn'
      ? 'warn'
      : event.level === 'error'
        ? 'error'
        : 'info';
  return {
    // Events have no documented id: `hash` when present (unconfirmed), else time and position.
    id: event.hash ?? `${event.created_at}#${index}`,
    createdAt: Date.parse(event.created_at),
    level,
    message: event.message,
    type: event.type === 'metrics' ? 'metrics' : 'message',
    ...(event.type
      ? { data: { type: event.type, ...(event.step === undefined ? {} : { step: event.step }) } }
      : {}),
  };
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
