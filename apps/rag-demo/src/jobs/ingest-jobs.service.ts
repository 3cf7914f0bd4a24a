// Ingests as jobs: anything bigger than RAG_SYNC_INGEST_BYTES is answered at once with 202 and a
// job id, runs in the background, reports its progress as SSE events and keeps its result (or its
// error body) for GET /api/rag/jobs/:id. Small ingests run on the same queue and are awaited. One
// bounded queue (@repo/core's createWorkQueue) for both: RAG_INGEST_CONCURRENCY run at once,
// RAG_INGEST_QUEUE wait, and one more is refused with OverloadedError (429 + Retry-After). Jobs
// live in memory (a restart forgets them; the store itself is all or nothing per ingest); the last
// MAX_FINISHED finished ones are kept. Logs say ids, sizes, counts and error kinds, never text.
import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type MessageEvent,
  type OnModuleDestroy,
} from '@nestjs/common';
import { createWorkQueue, type WorkQueue } from '@repo/core';
import { APP_CONFIG, describeErrorKind, toHttpError } from '@repo/nest';
import type { IngestProgress } from '@repo/rag';
import { Observable } from 'rxjs';
import type { AppConfig } from '../app-config.js';
import { createJob, type IngestJob, type JobView, type JobWork } from './ingest-job.js';

const MAX_FINISHED = 50;
/** The failure of a job aborted by the app's shutdown (which has no HTTP body of its own). */
const STOPPED = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'The app stopped before the job finished; nothing of it was stored.',
  details: [],
};

@Injectable()
export class IngestJobsService implements OnModuleDestroy {
  private readonly logger = new Logger('IngestJobs');
  private readonly queue: WorkQueue;
  private readonly jobs = new Map<string, IngestJob>();
  /** One per running ingest (one shared signal would collect a listener per file and batch). */
  private readonly running = new Set<AbortController>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queue = createWorkQueue({
      concurrency: config.RAG_INGEST_CONCURRENCY,
      maxQueued: config.RAG_INGEST_QUEUE,
      name: 'ingests',
      hint: 'raise RAG_INGEST_CONCURRENCY or RAG_INGEST_QUEUE',
    });
  }

  /** A small ingest: waits for a slot (or is refused at once) and answers with its result. */
  runNow<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.queue.run(() => this.withSignal(work));
  }

  /**
   * A large ingest as a job: admitted (running or queued) before this returns, or refused with
   * the queue's OverloadedError. `describe` is what the job's view says about its input.
   */
  async submit(describe: JobView['input'], work: JobWork): Promise<JobView> {
    const job = createJob(randomUUID(), describe);
    const queuedBefore = this.queue.queued;
    let started = false;
    const finished = this.queue.run(async () => {
      started = true;
      await Promise.resolve(); // the answer says `queued`; the job starts right after
      return this.execute(job, work);
    });
    // createWorkQueue starts or queues a task within run(), and refuses it with a rejected promise.
    if (!started && this.queue.queued === queuedBefore) await finished;
    finished.catch(() => undefined); // the job records its own failure
    const view = job.view();
    this.jobs.set(job.id, job);
    this.logger.log(`job ${job.id} accepted: ${describe.files} file(s), ${describe.bytes} bytes`);
    return view;
  }

  view(id: string): JobView {
    return this.find(id).view();
  }

  /** The job's events so far (status and each phase's start and end), then live ones until it ends. */
  events(id: string): Observable<MessageEvent> {
    const job = this.find(id);
    return new Observable<MessageEvent>((subscriber) => {
      for (const event of job.history) subscriber.next(event);
      if (job.finished) {
        subscriber.complete();
        return;
      }
      return job.listen((event) => {
        subscriber.next(event);
        if (event.type === 'done' || event.type === 'error') subscriber.complete();
      });
    });
  }

  onModuleDestroy(): void {
    for (const controller of this.running) controller.abort();
  }

  /** Runs `work` with a signal of its own that the app's shutdown aborts. */
  private async withSignal<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(controller);
    }
  }

  private async execute(job: IngestJob, work: JobWork): Promise<void> {
    job.start();
    this.logger.log(`job ${job.id} running`);
    try {
      const result = await this.withSignal((signal) =>
        work({
          signal,
          onProgress: (progress: IngestProgress) => job.progress(progress),
          onSkipped: (count) => job.skipped(count),
        }),
      );
      job.succeed(result);
      this.logger.log(`job ${job.id} done: ${result.chunks} chunks, ${result.added} added`);
    } catch (error) {
      const mapped = toHttpError(error);
      job.fail(mapped.body ?? STOPPED);
      this.logger.warn(`job ${job.id} failed (${mapped.status}): ${describeErrorKind(error)}`);
    } finally {
      this.forgetOldJobs();
    }
  }

  private find(id: string): IngestJob {
    const job = this.jobs.get(id);
    if (!job)
      throw new NotFoundException({
        message: `No ingest job "${id}" (jobs are kept in memory until a restart, the last ${MAX_FINISHED} finished ones).`,
        details: [{ field: 'id', reason: 'is not a known job' }],
      });
    return job;
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.finished);
    for (const job of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED)))
      this.jobs.delete(job.id);
  }
}
