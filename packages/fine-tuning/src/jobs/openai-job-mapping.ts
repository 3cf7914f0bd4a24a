// OpenAI's fine-tuning objects ↔ the provider-neutral ones, and the SDK's errors → core's.
import { AbortedError } from '@repo/core';
import { parseRetryAfter } from '@repo/providers';
import OpenAI from 'openai';
import type {
  FineTuningJob,
  FineTuningJobEvent,
  JobCreateParams,
} from 'openai/resources/fine-tuning/jobs/jobs';
import type { FineTuningJobCheckpoint } from 'openai/resources/fine-tuning/jobs/checkpoints';
import { providerErrorFor } from './jobs-errors.js';
import type { Checkpoint, Job, JobEvent, JobSpec } from './job-types.js';
import { mapStatus, type StatusTable } from './status-maps.js';

export function toJob(job: FineTuningJob, backend: string, statuses: StatusTable): Job {
  const hyperparameters =
    job.method?.supervised?.hyperparameters ??
    job.method?.dpo?.hyperparameters ??
    job.hyperparameters;
  return {
    id: job.id,
    status: mapStatus(statuses, job.status),
    rawStatus: job.status,
    model: job.model,
    ...(job.fine_tuned_model ? { fineTunedModel: job.fine_tuned_model } : {}),
    ...(job.error
      ? {
          error: {
            message: job.error.message,
            code: job.error.code,
            ...(job.error.param ? { param: job.error.param } : {}),
          },
        }
      : {}),
    createdAt: job.created_at * 1000,
    ...(job.finished_at ? { finishedAt: job.finished_at * 1000 } : {}),
    ...(typeof job.trained_tokens === 'number' ? { trainedTokens: job.trained_tokens } : {}),
    ...(hyperparameters ? { hyperparameters: { ...hyperparameters } } : {}),
    backend,
  };
}

export function toEvent(event: FineTuningJobEvent): JobEvent {
  return {
    id: event.id,
    createdAt: event.created_at * 1000,
    level: event.level,
    message: event.message,
    type: event.type ?? 'message',
    ...(isObject(event.data) ? { data: event.data } : {}),
  };
}

export function toCheckpoint(checkpoint: FineTuningJobCheckpoint): Checkpoint {
  return {
    id: checkpoint.id,
    step: checkpoint.step_number,
    model: checkpoint.fine_tuned_model_checkpoint,
    createdAt: checkpoint.created_at * 1000,
    metrics: { ...checkpoint.metrics },
  };
}

export function toCreateParams(spec: JobSpec): JobCreateParams {
  const h = spec.hyperparameters ?? {};
  const common = {
    ...(h.nEpochs === undefined ? {} : { n_epochs: h.nEpochs }),
    ...(h.batchSize === undefined ? {} : { batch_size: h.batchSize }),
    ...(h.learningRateMultiplier === undefined
      ? {}
      : { learning_rate_multiplier: h.learningRateMultiplier }),
  };
  const method: JobCreateParams.Method =
    spec.method === 'dpo'
      ? {
          type: 'dpo',
          dpo: {
            hyperparameters: { ...common, ...(h.beta === undefined ? {} : { beta: h.beta }) },
          },
        }
      : { type: 'supervised', supervised: { hyperparameters: common } };
  return {
    model: spec.model,
    training_file: spec.trainingFile,
    ...(spec.validationFile === undefined ? {} : { validation_file: spec.validationFile }),
    ...(spec.suffix === undefined ? {} : { suffix: spec.suffix }),
    ...(spec.seed === undefined ? {} : { seed: spec.seed }),
    ...(spec.metadata === undefined ? {} : { metadata: spec.metadata }),
    method,
  };
}

/** SDK errors → core's hierarchy (the SDK's own messages can echo part of the key: redacted). */
export function fromSdkError(error: unknown, provider: string, apiKey: string): Error {
  if (error instanceof OpenAI.APIUserAbortError)
    return new AbortedError(undefined, { cause: error });
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { message?: unknown; code?: unknown } | undefined;
    return providerErrorFor({
      provider,
      status: error.status,
      message: typeof body?.message === 'string' ? body.message : error.message,
      code: typeof body?.code === 'string' ? body.code : (error.code ?? undefined),
      requestId: error.requestID ?? undefined,
      retryAfterMs: parseRetryAfter(error.headers),
      body,
      apiKey,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
