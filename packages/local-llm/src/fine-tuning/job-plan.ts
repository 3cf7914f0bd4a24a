// From OpenAI's hyperparameters to the trainer's settings, once the training file is read:
//   batch_size "auto"  → 8 conversations (supervised) or 4 preference pairs (dpo), at most the
//                        number of training rows;
//   n_epochs "auto"    → 1 (a tiny model on a CPU: a few hundred rows take seconds per epoch);
//   steps              = ceil(n_epochs × training rows / batch_size), the training rows being
//                        the file's rows less the trainer's held-out tenth (its validation split);
//   learning rate      = learning_rate_multiplier ("auto" → 1) × the trainer's default for the
//                        stage (1e-3 for sft, 5e-5 for dpo); dpo's beta "auto" → 0.1;
//   checkpoints        every ceil(steps / 3) steps (OpenAI keeps a job's last three).
import type { JobDraft } from './job-request.js';
import type { FineTuningJob, JobPlan, ResolvedHyperparameters } from './job-records.js';

const AUTO_BATCH = { supervised: 8, dpo: 4 };
const BASE_LEARNING_RATE = { supervised: 1e-3, dpo: 5e-5 };
/** The trainer's default validation share: it holds this much of the file out. */
export const VALIDATION_FRACTION = 0.1;

export function planJob(
  draft: JobDraft,
  /** The rows the trainer trains on: the file's, less its held-out validation split. */
  train: number,
): { plan: JobPlan; hyperparameters: ResolvedHyperparameters; method: FineTuningJob['method'] } {
  const asked = draft.hyperparameters;
  const batchSize =
    asked.batch_size === 'auto' ? Math.min(AUTO_BATCH[draft.method], train) : asked.batch_size;
  const epochs = asked.n_epochs === 'auto' ? 1 : asked.n_epochs;
  const multiplier = asked.learning_rate_multiplier === 'auto' ? 1 : asked.learning_rate_multiplier;
  const beta = asked.beta === 'auto' ? 0.1 : asked.beta;
  const steps = Math.max(1, Math.ceil((epochs * train) / batchSize));
  const hyperparameters = {
    n_epochs: epochs,
    batch_size: batchSize,
    learning_rate_multiplier: multiplier,
  };
  const method =
    draft.method === 'dpo'
      ? { type: 'dpo' as const, dpo: { hyperparameters: { ...hyperparameters, beta } } }
      : { type: 'supervised' as const, supervised: { hyperparameters } };
  return {
    plan: {
      stage: draft.method === 'dpo' ? 'dpo' : 'sft',
      steps,
      batchSize,
      learningRate: BASE_LEARNING_RATE[draft.method] * multiplier,
      beta,
      checkpointEvery: Math.max(1, Math.ceil(steps / 3)),
    },
    hyperparameters,
    method,
  };
}
