// The fine-tuning jobs' life cycle in OpenAI's statuses: validating_files → queued → running →
// succeeded | failed | cancelled, with paused in between (pause stops the run after its current
// step with a checkpoint; resume queues it to continue from there). A finished job's model, and
// each checkpoint, answer chat completions at once under their `ft:` ids.
import type { TrainedModels } from '../trained-models.js';
import { errorResponse, failInvalid } from '../openai-errors.js';
import type { FileStore } from './files.js';
import { messageEvent } from './job-events.js';
import { planJob, VALIDATION_FRACTION } from './job-plan.js';
import { FINISHED, type FineTuningJob, type JobRecord, type JobStore } from './job-records.js';
import type { JobDraft } from './job-request.js';
import type { JobRunner } from './job-runner.js';
import { InvalidFileError, validateFiles } from './job-validation.js';
import { nowSeconds, randomId } from './store.js';
import { BASE_MODEL_ID, type TrainerModule } from './trainer-module.js';
import path from 'node:path';

/** A 4xx to answer instead of the job (thrown by the actions below, answered by the routes). */
export class JobRequestError extends Error {
  constructor(readonly response: Response) {
    super('job request error');
  }
}

export class JobService {
  constructor(
    private readonly store: JobStore,
    private readonly files: FileStore,
    private readonly runner: JobRunner,
    private readonly trained: TrainedModels,
    private readonly trainer: () => Promise<TrainerModule>,
  ) {}

  /** `ft:<base>:local:<suffix>:<id>`, where a fine-tuned base gives its own base's name. */
  private modelIdFor(draft: JobDraft, jobId: string): string {
    const root = draft.model.startsWith('ft:')
      ? (draft.model.split(':')[1] ?? draft.model)
      : draft.model;
    return `ft:${root}:local:${draft.suffix ?? ''}:${jobId.slice('ftjob-'.length, 'ftjob-'.length + 8)}`;
  }

  async create(draft: JobDraft): Promise<FineTuningJob> {
    const trainer = await this.trainer();
    const baseDir =
      draft.model === BASE_MODEL_ID ? trainer.BASE_MODEL_DIR : this.trained.dirOf(draft.model);
    if (baseDir === undefined)
      throw new JobRequestError(
        errorResponse(
          400,
          `Model ${draft.model} is not available for fine-tuning: use "${BASE_MODEL_ID}" or a trained model's id.`,
          { param: 'model', code: 'model_not_available' },
        ),
      );
    for (const param of ['training_file', 'validation_file'] as const) {
      const id = draft[param];
      if (id !== null && !this.files.get(id))
        failInvalid(`invalid ${param}: no file with id ${id}`, param);
    }
    const id = randomId('ftjob-');
    const auto = {
      n_epochs: 'auto',
      batch_size: 'auto',
      learning_rate_multiplier: 'auto',
    } as const;
    const record: JobRecord = {
      job: {
        id,
        object: 'fine_tuning.job',
        created_at: nowSeconds(),
        error: null,
        fine_tuned_model: null,
        finished_at: null,
        hyperparameters: auto,
        model: draft.model,
        organization_id: 'org-local',
        result_files: [],
        seed: draft.seed ?? Math.floor(Math.random() * 2 ** 31),
        status: 'validating_files',
        trained_tokens: null,
        training_file: draft.training_file,
        validation_file: draft.validation_file,
        estimated_finish: null,
        integrations: null,
        metadata: draft.metadata,
        method: { type: draft.method },
      },
      draft,
      baseDir,
      modelId: this.modelIdFor(draft, id),
      createdMs: Date.now(),
      checkpoints: [],
    };
    await this.runner.update(
      record,
      {},
      messageEvent(`Validating training file: ${draft.training_file}`),
    );
    void this.validate(record);
    return structuredClone(record.job);
  }

  private async validate(record: JobRecord): Promise<void> {
    let rows: number;
    let train: number;
    try {
      const trainer = await this.trainer();
      rows = await validateFiles(trainer, record, this.files, this.store.folder(record.job.id));
      // The trainer's own split decides how many rows it trains on.
      train = trainer.splitValidation(rows, VALIDATION_FRACTION, 0).train.length;
    } catch (error) {
      if (record.job.status !== 'validating_files') return;
      const param = error instanceof InvalidFileError ? error.param : null;
      const code =
        param === 'validation_file' ? 'invalid_validation_file' : 'invalid_training_file';
      const message = (error as Error).message;
      await this.runner.update(
        record,
        { status: 'failed', error: { code, message, param }, finished_at: nowSeconds() },
        messageEvent(message, 'error'),
      );
      return;
    }
    if (record.job.status !== 'validating_files') return; // cancelled meanwhile
    const { plan, hyperparameters, method } = planJob(record.draft, train);
    record.plan = plan;
    await this.runner.update(
      record,
      { status: 'queued', hyperparameters, method },
      messageEvent(
        `Files validated (${rows} rows): ${plan.steps} training steps, moving job to queued state`,
      ),
    );
    this.runner.enqueue(record);
  }

  /** After a restart: models registered, running jobs first in the queue, then queued ones. */
  async recover(records: JobRecord[]): Promise<void> {
    for (const record of records) {
      for (const checkpoint of record.checkpoints)
        this.trained.register(checkpoint.fine_tuned_model_checkpoint, checkpoint.dir);
      const { status } = record.job;
      if (status === 'succeeded')
        this.trained.register(
          record.modelId,
          path.join(this.store.folder(record.job.id), 'run', 'final'),
        );
      else if (status === 'validating_files') void this.validate(record);
    }
    for (const record of records.filter((r) => r.job.status === 'running').reverse()) {
      await this.runner.update(
        record,
        {},
        messageEvent('The server restarted: the job resumes from its last checkpoint'),
      );
      this.runner.enqueue(record, true);
    }
    for (const record of records.filter((r) => r.job.status === 'queued'))
      this.runner.enqueue(record);
  }

  get(id: string): JobRecord {
    const record = this.store.get(id);
    if (!record)
      throw new JobRequestError(
        errorResponse(404, `No fine-tuning job with id ${id}`, {
          param: 'fine_tuning_job_id',
          code: 'fine_tune_not_found',
        }),
      );
    return record;
  }

  /** Newest first. */
  list(): JobRecord[] {
    return this.store.list();
  }

  /** Oldest first. */
  events(id: string) {
    return this.store.eventsOf(id);
  }

  private refuse(record: JobRecord, action: string): never {
    throw new JobRequestError(
      errorResponse(400, `Cannot ${action} a job whose status is ${record.job.status}.`, {
        param: 'fine_tuning_job_id',
        code: 'invalid_job_status',
      }),
    );
  }

  async cancel(id: string): Promise<FineTuningJob> {
    const record = this.get(id);
    if (FINISHED.includes(record.job.status)) this.refuse(record, 'cancel');
    this.runner.dequeue(id);
    this.runner.stop(id);
    await this.runner.update(
      record,
      { status: 'cancelled', finished_at: nowSeconds() },
      messageEvent('Fine-tuning job cancelled'),
    );
    return structuredClone(record.job);
  }

  async pause(id: string): Promise<FineTuningJob> {
    const record = this.get(id);
    if (record.job.status !== 'running' && record.job.status !== 'queued')
      this.refuse(record, 'pause');
    this.runner.dequeue(id);
    this.runner.stop(id);
    await this.runner.update(record, { status: 'paused' }, messageEvent('Fine-tuning job paused'));
    return structuredClone(record.job);
  }

  async resume(id: string): Promise<FineTuningJob> {
    const record = this.get(id);
    if (record.job.status !== 'paused') this.refuse(record, 'resume');
    await this.runner.update(record, { status: 'queued' }, messageEvent('Fine-tuning job resumed'));
    this.runner.enqueue(record);
    return structuredClone(record.job);
  }
}
