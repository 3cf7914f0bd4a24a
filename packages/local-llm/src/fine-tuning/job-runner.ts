// Runs fine-tuning jobs on the trainer, each in its own worker thread (startRun), at most
// `concurrency` at a time, the rest queued in creation order. Every status change is saved before
// anything else happens, so a restart finds each job where it was: a running job resumes from its
// last checkpoint (`startRun({runDir}, {resume: true})`), a queued one stays queued.
import path from 'node:path';
import type { TrainedModels } from '../trained-models.js';
import { messageEvent, metricsEvent, type JobEvent } from './job-events.js';
import type { JobRecord, JobStore } from './job-records.js';
import { trainingCopy } from './job-validation.js';
import { nowSeconds, randomId, readJson } from './store.js';
import type { RunHandle, TrainerModule, TrainEvent } from './trainer-module.js';

type Finish = Pick<JobRecord['job'], 'error' | 'trained_tokens'> & { model?: string };

export class JobRunner {
  private readonly queue: string[] = [];
  /** Job id → its run (null while starting). A stopped run leaves only when it has settled. */
  private readonly running = new Map<string, RunHandle | null>();
  private readonly stopping = new Set<string>();
  private readonly writes = new Map<string, Promise<void>>();
  private readonly lastMetrics = new Map<string, Record<string, number>>();
  private closing = false;

  constructor(
    private readonly store: JobStore,
    private readonly trained: TrainedModels,
    private readonly trainer: () => Promise<TrainerModule>,
    private readonly concurrency: number,
  ) {}

  /** Runs `write` after the job's earlier writes, so its record and events stay in order. */
  serial(id: string, write: () => Promise<void>): Promise<void> {
    const next = (this.writes.get(id) ?? Promise.resolve()).then(write);
    this.writes.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Sets the status (and anything else), saves, then writes the events. */
  update(record: JobRecord, change: Partial<JobRecord['job']>, ...events: JobEvent[]) {
    Object.assign(record.job, change);
    const snapshot = structuredClone(record);
    return this.serial(record.job.id, async () => {
      await this.store.save(snapshot);
      for (const event of events) await this.store.addEvent(record.job.id, event);
    });
  }

  enqueue(record: JobRecord, first = false): void {
    if (first) this.queue.unshift(record.job.id);
    else this.queue.push(record.job.id);
    void this.pump();
  }

  dequeue(id: string): void {
    const at = this.queue.indexOf(id);
    if (at >= 0) this.queue.splice(at, 1);
  }

  /** Asks a running job's worker to stop after its current step (a checkpoint is saved). */
  stop(id: string): void {
    const handle = this.running.get(id);
    if (handle) handle.cancel();
    // Still starting (no worker yet): start() sees this and does not start it.
    else if (this.running.has(id)) this.stopping.add(id);
  }

  /** True (and the slot freed) when the job was cancelled or paused while it was starting. */
  private stoppedWhileStarting(id: string): boolean {
    if (!this.stopping.delete(id)) return false;
    this.running.delete(id);
    void this.pump();
    return true;
  }

  private async pump(): Promise<void> {
    if (this.queue.length === 0 || this.closing) return;
    const trainer = await this.trainer();
    while (!this.closing && this.running.size < this.concurrency) {
      const id = this.queue.find((queued) => !this.running.has(queued));
      const record = id === undefined ? undefined : this.store.get(id);
      if (!record) break;
      this.dequeue(record.job.id);
      this.running.set(record.job.id, null);
      void this.start(trainer, record).catch((error: Error) => this.failed(record, error));
    }
  }

  private async start(trainer: TrainerModule, record: JobRecord): Promise<void> {
    const id = record.job.id;
    const plan = record.plan;
    if (!plan) throw new Error('The job has no training plan');
    const runDir = path.join(this.store.folder(id), 'run');
    const latest = await readJson<{ step: number }>(
      path.join(runDir, 'checkpoints', 'latest.json'),
    );
    if (this.stoppedWhileStarting(id)) return;
    let handle: RunHandle;
    if (latest) {
      await this.serial(id, () => this.store.keepMetricsUpTo(id, latest.step + 1));
      // Checked again before `running` is written: a pause or cancel that came meanwhile has set
      // its status already, and writing over it would leave a job `running` with no run.
      if (this.stoppedWhileStarting(id)) return;
      await this.update(
        record,
        { status: 'running' },
        messageEvent(`Resuming from the checkpoint at step ${latest.step + 1}`),
      );
      if (this.stoppedWhileStarting(id)) return;
      handle = trainer.startRun({ runDir } as never, { resume: true });
    } else {
      await this.update(record, { status: 'running' }, messageEvent('Fine-tuning job started'));
      if (this.stoppedWhileStarting(id)) return;
      handle = trainer.startRun({
        stage: plan.stage,
        base: record.baseDir,
        data: [trainingCopy(this.store.folder(id))],
        runDir,
        steps: plan.steps,
        batchSize: plan.batchSize,
        learningRate: plan.learningRate,
        beta: plan.beta,
        seed: record.job.seed,
        checkpointEvery: plan.checkpointEvery,
      });
    }
    this.running.set(id, handle);
    handle.events.on('event', (event) => this.onTrainEvent(record, event));
    handle.done.then(
      (result) =>
        this.settle(record, { error: null, trained_tokens: result.tokens, model: result.model }),
      (error: Error) => this.failed(record, error),
    );
  }

  private onTrainEvent(record: JobRecord, event: TrainEvent): void {
    const id = record.job.id;
    if (event.type === 'step') {
      const metrics = metricsEvent(event);
      this.lastMetrics.set(id, metrics.data as Record<string, number>);
      void this.serial(id, () => this.store.addEvent(id, metrics));
    } else if (event.type === 'checkpoint') {
      const step = event.step + 1;
      const { step: _, total_steps: __, ...figures } = this.lastMetrics.get(id) ?? {};
      const name = `${record.modelId}:ckpt-step-${step}`;
      record.checkpoints.push({
        id: randomId('ftckpt-'),
        object: 'fine_tuning.job.checkpoint',
        created_at: nowSeconds(),
        fine_tuned_model_checkpoint: name,
        fine_tuning_job_id: id,
        metrics: { step, ...figures },
        step_number: step,
        dir: event.dir,
      });
      this.trained.register(name, event.dir);
      void this.update(record, {}, messageEvent(`Checkpoint created at step ${step}`));
    }
  }

  private failed(record: JobRecord, error: Error): void {
    const { kind } = error as { kind?: string };
    const invalid = kind === 'invalid_input';
    const code = invalid ? 'invalid_training_file' : 'training_failed';
    const failure = { code, message: error.message, param: invalid ? 'training_file' : null };
    this.settle(record, { error: failure, trained_tokens: null });
  }

  /** A run ended: done, stopped (cancel, pause, close) or failed. */
  private settle(record: JobRecord, finish: Finish): void {
    const id = record.job.id;
    this.running.delete(id);
    this.lastMetrics.delete(id);
    // Closing: the job stays `running` in its record and resumes at the next start. Cancelled or
    // paused: the status was set when asked.
    if (!this.closing && record.job.status === 'running') {
      const finishedAt = nowSeconds();
      if (finish.model !== undefined) {
        this.trained.register(record.modelId, finish.model);
        void this.update(
          record,
          {
            status: 'succeeded',
            error: null,
            fine_tuned_model: record.modelId,
            finished_at: finishedAt,
            trained_tokens: finish.trained_tokens,
          },
          messageEvent(`New fine-tuned model created: ${record.modelId}`),
          messageEvent('The job has successfully completed'),
        );
      } else
        void this.update(
          record,
          { status: 'failed', error: finish.error, finished_at: finishedAt },
          messageEvent(`The job failed: ${finish.error?.message}`, 'error'),
        );
    }
    void this.pump();
  }

  /** Stops every run with a checkpoint (killing any that takes over 20 s) and waits for writes. */
  async close(): Promise<void> {
    this.closing = true;
    const runs = [...this.running.values()].filter((run): run is RunHandle => run !== null);
    await Promise.all(
      runs.map(async (run) => {
        run.cancel();
        const timeout = new Promise((resolve) => setTimeout(resolve, 20_000).unref());
        await Promise.race([run.done.catch(() => undefined), timeout]);
        await run.kill();
      }),
    );
    await Promise.all(this.writes.values());
  }
}
