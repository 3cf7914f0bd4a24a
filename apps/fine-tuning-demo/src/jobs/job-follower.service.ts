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
import { followJob, isTerminal, type Job, type JobEvent } from '@repo/fine-tuning';
import { APP_CONFIG } from '@repo/nest';
import { Observable } from 'rxjs';
import type { AppConfig } from '../app-config.js';
import { BackendsService } from '../backends/backends.service.js';
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
    if (this.live.has(record.id) || isTerminal(record.status)) return;
    const live = new LiveJob(record);
    this.live.set(record.id, live);
    void this.run(live)
      .catch((error: unknown) => {
        if (!live.abort.signal.aborted)
          this.logger.error(
            `Job ${record.id}: ${error instanceof Error ? error.message : String(error)}`,
          );
      })
      .finally(() => this.live.delete(record.id));
  }

  private async run(live: LiveJob): Promise<void> {
    const backend = this.backends.get(live.record.backend);
    const hosted = live.record.backend !== 'local-llm';
    const onEvent = (event: JobEvent) => {
      live.event(event);
      const point = metricsOf(event);
      if (point) live.record = { ...live.record, lastMetrics: lastMetricsOf(point) };
    };
    const job = await followJob(backend, live.record.id, {
      signal: live.abort.signal,
      pollMs: hosted
        ? Math.max(5000, this.config.FINE_TUNING_POLL_MS)
        : this.config.FINE_TUNING_POLL_MS,
      maxPollMs: hosted ? 60_000 : Math.max(2000, this.config.FINE_TUNING_POLL_MS),
      onEvent,
      onStatus: async (next) => {
        const record = withJob(live.record, next);
        live.status(record);
        await this.store.put(record);
      },
    });
    await new Promise((resolve) => setTimeout(resolve, LAST_EVENTS_MS));
    const seen = new Set(live.events.map((event) => event.id));
    for (const event of await backend.events(live.record.id).catch(() => []))
      if (!seen.has(event.id)) onEvent(event);
    const final = withJob(live.record, job);
    await this.store.put(final);
    this.models.register(final);
    live.finish(final);
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

  async onApplicationBootstrap(): Promise<void> {
    for (const record of await this.store.list())
      if (!isTerminal(record.status)) {
        this.logger.log(`Following job ${record.id} (${record.status}) again`);
        this.follow(record);
      }
  }

  onApplicationShutdown(): void {
    for (const live of this.live.values()) live.abort.abort();
  }
}
