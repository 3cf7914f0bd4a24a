// One shape for fine-tuning jobs whichever API runs them (OpenAI and OpenAI-compatible job APIs,
// Azure OpenAI, DashScope, Together, local-llm): the backend interface a CLI or an app drives, and
// the provider-neutral job, event and checkpoint it gets back. Raw provider values are kept
// (`rawStatus`, `raw`) so nothing the provider said is lost in the mapping.
import type { Readable } from 'node:stream';

export type JobStatus =
  | 'validating'
  | 'queued'
  | 'running'
  | 'paused'
  | 'succeeded'
  | 'failed'
  | 'cancelling'
  | 'cancelled'
  | 'unknown';

export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export const isTerminal = (status: JobStatus): boolean => TERMINAL_STATUSES.includes(status);

export interface JobError {
  code?: string;
  message: string;
  param?: string;
}

export interface Job {
  id: string;
  status: JobStatus;
  /** The provider's own status word (`validating_files`, `PENDING`, `compressing`, …). */
  rawStatus: string;
  /** The base model. */
  model: string;
  fineTunedModel?: string;
  error?: JobError;
  /** Milliseconds since the epoch. */
  createdAt: number;
  finishedAt?: number;
  trainedTokens?: number;
  hyperparameters?: Record<string, unknown>;
  /** The backend's name (`openai`, `azure`, `local-llm`, `dashscope`, `together`, …). */
  backend: string;
}

export interface JobEvent {
  id: string;
  createdAt: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  type: 'message' | 'metrics';
  /** For metrics events: `{ step, train_loss, valid_loss?, … }` as the provider sent it. */
  data?: Record<string, unknown>;
}

export interface Checkpoint {
  id: string;
  step: number;
  /** A model id that answers requests (`ft:…:ckpt-step-N` on OpenAI). */
  model: string;
  createdAt: number;
  metrics?: Record<string, unknown>;
}

export interface JobHyperparameters {
  nEpochs?: number;
  batchSize?: number;
  /** OpenAI and local-llm: a multiplier of the provider's rate. */
  learningRateMultiplier?: number;
  /** DashScope and Together: the rate itself. */
  learningRate?: number;
  /** DPO's beta. */
  beta?: number;
}

/** What to train: file ids from `upload`, never a credential. */
export interface JobSpec {
  model: string;
  trainingFile: string;
  validationFile?: string;
  suffix?: string;
  seed?: number;
  method?: 'supervised' | 'dpo';
  hyperparameters?: JobHyperparameters;
  metadata?: Record<string, string>;
}

/** A file path, or any byte stream (read once; a retried upload needs a path). */
export type UploadSource = string | Readable;

export interface CreateJobOptions {
  /** The same key returns the same job: sent to the provider and remembered in the record store. */
  idempotencyKey?: string;
  /** Kept in the job's record: the name its model is registered under once it succeeds. */
  alias?: string;
}

export interface FineTuningBackend {
  readonly name: string;
  upload(
    source: UploadSource,
    options: { purpose: 'fine-tune'; filename?: string },
  ): Promise<{ id: string }>;
  create(spec: JobSpec, options?: CreateJobOptions): Promise<Job>;
  get(id: string): Promise<Job>;
  list(options?: { after?: string; limit?: number }): Promise<{ jobs: Job[]; hasMore: boolean }>;
  /** Oldest first; `after` is an event id already seen (where the API pages by it). */
  events(id: string, options?: { after?: string }): Promise<JobEvent[]>;
  checkpoints(id: string): Promise<Checkpoint[]>;
  cancel(id: string): Promise<Job>;
  pause?(id: string): Promise<Job>;
  resume?(id: string): Promise<Job>;
}
