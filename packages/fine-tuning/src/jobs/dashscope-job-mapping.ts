// DashScope's job objects ↔ the provider-neutral ones (see dashscope-backend.ts for the pages read).
import type { Job, JobSpec } from './job-types.js';
import { DASHSCOPE_STATUSES, mapStatus } from './status-maps.js';

const NAME = 'dashscope';

export interface DashScopeJob {
  job_id: string;
  status: string;
  model?: string;
  base_model?: string;
  finetuned_output?: string;
  hyper_parameters?: Record<string, unknown>;
  create_time?: string;
  end_time?: string;
  usage?: number;
  message?: string; // unconfirmed: a failed job's reason
  code?: string;
}

export function toBody(spec: JobSpec) {
  const h = spec.hyperparameters ?? {};
  return {
    model: spec.model,
    training_file_ids: [spec.trainingFile],
    ...(spec.validationFile === undefined ? {} : { validation_file_ids: [spec.validationFile] }),
    training_type: spec.method === 'dpo' ? 'dpo' : 'sft', // `dpo` unconfirmed in the examples
    ...(spec.suffix === undefined ? {} : { finetuned_output_suffix: spec.suffix }),
    hyper_parameters: {
      ...(h.nEpochs === undefined ? {} : { n_epochs: h.nEpochs }),
      ...(h.batchSize === undefined ? {} : { batch_size: h.batchSize }),
      ...(h.learningRate === undefined ? {} : { learning_rate: String(h.learningRate) }),
    },
  };
}

export function toJob(job: DashScopeJob): Job {
  return {
    id: job.job_id,
    status: mapStatus(DASHSCOPE_STATUSES, job.status),
    rawStatus: job.status,
    model: job.base_model ?? job.model ?? '',
    ...(job.finetuned_output ? { fineTunedModel: job.finetuned_output } : {}),
    ...(job.status === 'FAILED'
      ? { error: { message: job.message ?? 'failed', ...(job.code ? { code: job.code } : {}) } }
      : {}),
    createdAt: chinaTime(job.create_time),
    ...(job.end_time ? { finishedAt: chinaTime(job.end_time) } : {}),
    ...(typeof job.usage === 'number' ? { trainedTokens: job.usage } : {}), // `usage` as tokens: unconfirmed
    ...(job.hyper_parameters ? { hyperparameters: job.hyper_parameters } : {}),
    backend: NAME,
  };
}

/** `2024-10-29 16:53:53`, without a zone: taken as Beijing time (UTC+8; unconfirmed). */
function chinaTime(text: string | undefined): number {
  if (!text) return 0;
  const ms = Date.parse(`${text.replace(' ', 'T')}+08:00`);
  return Number.isNaN(ms) ? 0 : ms;
}
