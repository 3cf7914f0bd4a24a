// Fine-tuning jobs as OpenAI's `fine_tuning.job` objects, persisted one folder per job under
// <data>/jobs/<id>: job.json (the object plus what the runner needs to start or resume it) and
// events.jsonl (append-only). Everything is loaded back on start, so jobs survive a restart.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobEvent } from './job-events.js';
import type { JobDraft, MethodType } from './job-request.js';
import { listDir, readJson, writeJsonAtomic } from './store.js';

export type JobStatus =
  'validating_files' | 'queued' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled';

export const FINISHED: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export interface ResolvedHyperparameters {
  n_epochs: number;
  batch_size: number;
  learning_rate_multiplier: number;
}

export interface FineTuningJob {
  id: string;
  object: 'fine_tuning.job';
  created_at: number;
  error: { code: string; message: string; param: string | null } | null;
  fine_tuned_model: string | null;
  finished_at: number | null;
  hyperparameters: ResolvedHyperparameters | Record<string, 'auto'>;
  model: string;
  organization_id: string;
  result_files: string[];
  seed: number;
  status: JobStatus;
  trained_tokens: number | null;
  training_file: string;
  validation_file: string | null;
  estimated_finish: number | null;
  integrations: null;
  metadata: Record<string, string> | null;
  method: { type: MethodType } & Record<string, unknown>;
}

export interface JobCheckpoint {
  id: string;
  object: 'fine_tuning.job.checkpoint';
  created_at: number;
  fine_tuned_model_checkpoint: string;
  fine_tuning_job_id: string;
  metrics: Record<string, number>;
  step_number: number;
}

/** The trainer's settings for the job, fixed once its files are validated. */
export interface JobPlan {
  stage: 'sft' | 'dpo';
  steps: number;
  batchSize: number;
  learningRate: number;
  beta: number;
  checkpointEvery: number;
}

export interface JobRecord {
  job: FineTuningJob;
  draft: JobDraft;
  /** Checkpoint folder of the model it starts from. */
  baseDir: string;
  /** `ft:…` id the model gets when the job succeeds. */
  modelId: string;
  /** Milliseconds, to order jobs created in the same second. */
  createdMs: number;
  plan?: JobPlan;
  checkpoints: (JobCheckpoint & { dir: string })[];
}

export class JobStore {
  private readonly records = new Map<string, JobRecord>();
  private readonly events = new Map<string, JobEvent[]>();

  constructor(private readonly dir: string) {}

  folder(id: string): string {
    return path.join(this.dir, id);
  }

  async load(): Promise<JobRecord[]> {
    for (const name of await listDir(this.dir)) {
      const record = await readJson<JobRecord>(path.join(this.dir, name, 'job.json'));
      if (record?.job?.object !== 'fine_tuning.job') continue;
      this.records.set(record.job.id, record);
      const text = await readFile(path.join(this.dir, name, 'events.jsonl'), 'utf8').catch(
        () => '',
      );
      const events = text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as JobEvent);
      this.events.set(record.job.id, events);
    }
    return this.list().reverse();
  }

  get(id: string): JobRecord | undefined {
    return this.records.get(id);
  }

  /** Newest first. */
  list(): JobRecord[] {
    return [...this.records.values()].sort((a, b) => b.createdMs - a.createdMs);
  }

  async save(record: JobRecord): Promise<void> {
    this.records.set(record.job.id, record);
    await writeJsonAtomic(path.join(this.folder(record.job.id), 'job.json'), record);
  }

  async addEvent(id: string, event: JobEvent): Promise<void> {
    const events = this.events.get(id) ?? [];
    events.push(event);
    this.events.set(id, events);
    await appendFile(path.join(this.folder(id), 'events.jsonl'), JSON.stringify(event) + '\n');
  }

  /** Oldest first. */
  eventsOf(id: string): JobEvent[] {
    return this.events.get(id) ?? [];
  }

  /** After a restart: drops the metrics of steps past the checkpoint the run resumes from. */
  async keepMetricsUpTo(id: string, step: number): Promise<void> {
    const kept = this.eventsOf(id).filter(
      (e) => e.type !== 'metrics' || Number(e.data?.step) <= step,
    );
    this.events.set(id, kept);
    await writeFile(
      path.join(this.folder(id), 'events.jsonl'),
      kept.map((e) => JSON.stringify(e) + '\n').join(''),
    );
  }
}
