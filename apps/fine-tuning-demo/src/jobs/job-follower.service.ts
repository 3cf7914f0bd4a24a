// Follows unfinished jobs off the request thread (the training itself runs in local-llm's worker,
// one job at a time): each status change and event is recorded and streamed, and the record is
// written at every status change and at the end. At boot, jobs a restart left unfinished are
// followed again; on shutdown, following stops (local-llm checkpoints and resumes them).
import {
  Inject,
  Injectable,
  Logger,
  type MessageEvent,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  followJob,
  followRecordedJobs,
  isTerminal,
  type Job,
  type JobEvent,
} from '@repo/fine-tuning';
import { APP_CONFIG } from '@repo/nest';
import { Observable } from 'rxjs';
import type { AppConfig } from '../app-config.js';
import { BackendsService, LOCAL_BACKEND } from '../backends/backends.service.js';
import { FineTunedModelsService } from '../chat/fine-tuned-models.service.js';
import { AppDataService } from '../common/app-data.service.js';
import { JobStore } from './job-store.js';
import { eventMessage, LiveJob } from './live-job.js';
import {
  lastMetricsOf,
  metricsOf,
  toView,
  withJob,
  type AppJobRecord,
  type MetricsPoint,
} from './job-view.js';

/** A finished job's last events land just after its status: read them once more after this. */
const LAST_EVENTS_MS = 300;

@Injectable()
export class JobFollowerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobFollower');
  private readonly live = new Map<string, LiveJob>();
  private stopAll: AbortController | undefined;
  readonly store: JobStore;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BackendsService) private readonly backends: BackendsService,
    @Inject(FineTunedModelsService) private readonly models: FineTunedModelsService,
    @Inject(AppDataService) data: AppDataService,
  ) {
    this.store = new JobStore(data.jobs);
    models.attach(this.store);
  }

  get following(): number {
    return this.live.size;
  }

  /** The freshest record: the live one while followed, else the stored one. */
  current(record: AppJobRecord): AppJobRecord {
    return this.live.get(record.id)?.record ?? record;
  }

  /** Saves the backend's latest word on a job (after a cancel, pause or resume). */
  async update(record: AppJobRecord, job: Job): Promise<AppJobRecord> {
    const live = this.live.get(record.id);
    const next = withJob(live?.record ?? record, job);
    if (live) live.status(next);
    await this.store.put(next);
    if (!live && !isTerminal(job.status)) this.follow(next);
    return next;
  }

  follow(record: AppJobRecord): void {
    const live = this.track(record);
    if (!live) return;
    const hosted = record.backend !== LOCAL_BACKEND;
    const poll = this.config.FINE_TUNING_POLL_MS;
    const run = followJob(this.backends.get(record.backend), record.id, {
      signal: live.abort.signal,
      pollMs: hosted ? Math.max(5000, poll) : poll,
      maxPollMs: hosted ? 60_000 : Math.max(2000, poll),
      onEvent: (event) => this.onEvent(live, event),
      onStatus: (job) => this.onStatus(live, job),
    });
    this.settle(live, run);
  }

  /** A LiveJob for an unfinished record not followed yet; undefined otherwise. */
  private track(record: AppJobRecord): LiveJob | undefined {
    if (this.live.has(record.id) || isTerminal(record.status)) return undefined;
    const live = new LiveJob(record);
    this.live.set(record.id, live);
    return live;
  }

  private onEvent(live: LiveJob, event: JobEvent): void {
    live.event(event);
    const point = metricsOf(event);
    if (point) live.record = { ...live.record, lastMetrics: lastMetricsOf(point) };
  }

  private async onStatus(live: LiveJob, job: Job): Promise<void> {
    const record = withJob(live.record, job);
    live.status(record);
    await this.store.put(record);
  }

  /** When following ends: the last events, the final record, the alias, `done`. */
  private settle(live: LiveJob, run: Promise<Job>): void {
    const { id } = live.record;
    void run
      .then(async (job) => {
        await new Promise((resolve) => setTimeout(resolve, LAST_EVENTS_MS));
        const seen = new Set(live.events.map((event) => event.id));
        const backend = this.backends.get(live.record.backend);
        for (const event of await backend.events(id).catch(() => []))
          if (!seen.has(event.id)) this.onEvent(live, event);
        const final = withJob(live.record, job);
        await this.store.put(final);
        this.models.register(final);
        live.finish(final);
      })
      .catch((error: unknown) => {
        if (!live.abort.signal.aborted)
          this.logger.error(`Job ${id}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => this.live.delete(id));
  }

  /**
   * After a restart: the unfinished jobs of the SQL job records, followed again all at once with
   * @repo/fine-tuning's followRecordedJobs; each reports into its app record and SSE stream.
   */
  private async followAgain(): Promise<void> {
    const records = await this.store.list();
    const lives = new Map<string, LiveJob>();
    const outcomes = new Map<
      string,
      { resolve: (job: Job) => void; reject: (e: unknown) => void }
    >();
    for (const record of records) {
      const live = this.track(record);
      if (!live) continue;
      this.logger.log(`Following job ${record.id} (${record.status}) again`);
      lives.set(record.id, live);
      this.settle(
        live,
        new Promise<Job>((resolve, reject) => outcomes.set(record.id, { resolve, reject })),
      );
    }
    if (lives.size === 0) return;
    const stop = new AbortController();
    this.stopAll = stop;
    const poll = this.config.FINE_TUNING_POLL_MS;
    const results = await followRecordedJobs(this.backends.records, {
      backends: this.backends.configured(),
      signal: stop.signal,
      pollMs: poll,
      maxPollMs: Math.max(2000, poll),
      onEvent: (record, event) => {
        const live = lives.get(record.jobId);
        if (live) this.onEvent(live, event);
      },
      onStatus: async (record, job) => {
        const live = lives.get(record.jobId);
        if (live) await this.onStatus(live, job);
      },
    });
    for (const result of results) {
      const outcome = outcomes.get(result.record.jobId);
      outcomes.delete(result.record.jobId);
      if ('job' in result) outcome?.resolve(result.job);
      else outcome?.reject('error' in result ? result.error : new Error(result.skipped));
    }
    // An app record without a backend record to follow: followed on its own.
    for (const [id, outcome] of outcomes) {
      const live = lives.get(id)!;
      live.abort.abort();
      outcome.reject(new Error('not in the job records'));
      this.live.delete(id);
      this.follow(live.record);
    }
  }

  /** Every metrics point of a job, oldest first. */
  async points(record: AppJobRecord): Promise<MetricsPoint[]> {
    const live = this.live.get(record.id);
    if (live) return live.points;
    const events = await this.backends.get(record.backend).events(record.id);
    return events.flatMap((event) => metricsOf(event) ?? []);
  }

  /** SSE: the status, what happened so far, then live events and `done` (at once when finished). */
  async events(record: AppJobRecord): Promise<Observable<MessageEvent>> {
    const live = this.live.get(record.id);
    if (live) return live.stream();
    const events = await this.backends.get(record.backend).events(record.id);
    return new Observable<MessageEvent>((subscriber) => {
      subscriber.next({ type: 'status', data: toView(record) });
      for (const event of events) subscriber.next(eventMessage(event));
      if (isTerminal(record.status)) subscriber.next({ type: 'done', data: toView(record) });
      subscriber.complete();
    });
  }

  onApplicationBootstrap(): void {
    void this.followAgain().catch((error: unknown) =>
      this.logger.error(
        `Following jobs again: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  onApplicationShutdown(): void {
    this.stopAll?.abort();
    for (const live of this.live.values()) live.abort.abort();
  }
}
