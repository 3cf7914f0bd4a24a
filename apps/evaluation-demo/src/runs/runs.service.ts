// Suite runs in the background (promptfoo's `eval`, served): a run is stored as `running`, executed
// by @repo/evaluation's runSuite with progress going out as SSE, then stored whole (or marked
// failed). At most EVAL_MAX_RUNNING runs are in flight; cancelling aborts the run's signal, and
// the cases that finished are kept. Stopping the app cancels what is in flight the same way.
import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type MessageEvent,
} from '@nestjs/common';
import { checkSuiteModels, runSuite, type EvalRunStore, type EvalSuite } from '@repo/evaluation';
import { Observable } from 'rxjs';
import type { AppConfig } from '../app-config.js';
import { APP_CONFIG } from '../shared/app-config.token.js';
import { EvalModelsService } from '../shared/eval-models.service.js';
import { EvalStoreService } from '../shared/eval-store.service.js';
import { caseCount, SuitesService, type SuiteSource } from '../suites/suites.service.js';
import { doneEvent, LiveRun, type RunOutcome } from './live-run.js';
import { LiveRuns } from './live-runs.js';
import { runConflict, runNotFound, TooManyRunsError } from './run-errors.js';

export interface StartedRun {
  runId: string;
  status: 'running';
  events: string;
  report: string;
}

const MAX_CONCURRENCY = 32;

@Injectable()
export class RunsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Runs');
  private readonly settled = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EvalStoreService) private readonly store: EvalStoreService,
    @Inject(EvalModelsService) private readonly models: EvalModelsService,
    @Inject(SuitesService) private readonly suites: SuitesService,
    @Inject(LiveRuns) private readonly live: LiveRuns,
  ) {}

  /** Checks the suite and its models, stores the run, and starts it without waiting for it. */
  async start(input: { suite: SuiteSource; concurrency?: number }): Promise<StartedRun> {
    this.checkCapacity();
    const suite = await this.suites.resolve(input.suite);
    checkSuiteModels(suite, this.models.resolver(), { judge: this.models.judgeId });
    const store = await this.store.store();
    this.checkCapacity();
    const live = new LiveRun(randomUUID(), caseCount(suite));
    this.live.add(live);
    try {
      await store.start(live.id, suite);
    } catch (error) {
      this.live.delete(live.id);
      throw error;
    }
    const concurrency = Math.min(
      input.concurrency ?? suite.maxConcurrency ?? this.config.EVAL_CONCURRENCY,
      MAX_CONCURRENCY,
    );
    const running = this.execute(live, suite, store, concurrency);
    this.settled.add(running);
    void running.finally(() => this.settled.delete(running));
    const base = `/api/eval/runs/${live.id}`;
    return {
      runId: live.id,
      status: 'running',
      events: `${base}/events`,
      report: `${base}/report.html`,
    };
  }

  async cancel(id: string): Promise<{ runId: string; status: 'cancelling' }> {
    const live = this.live.get(id);
    if (!live) {
      const stored = await (await this.store.store()).get(id);
      if (!stored) throw runNotFound(id);
      throw runConflict(
        `Run ${id} is ${stored.status}; only a running run can be cancelled.`,
        'id',
        `is ${stored.status}, not running`,
      );
    }
    live.cancel();
    return { runId: id, status: 'cancelling' };
  }

  /** SSE of a live run; a finished run's `done` at once. Throws 404 before any event is sent. */
  async events(id: string): Promise<Observable<MessageEvent>> {
    const live = this.live.get(id);
    if (live) return live.stream();
    const stored = await (await this.store.store()).get(id);
    if (!stored) throw runNotFound(id);
    if (stored.status === 'running')
      throw runConflict(`Run ${id} is running in another process; its events are not here.`);
    const outcome: RunOutcome = {
      runId: id,
      status: stored.status,
      summary: stored.run?.summary ?? null,
      ...(stored.error === null ? {} : { error: stored.error }),
    };
    return new Observable<MessageEvent>((subscriber) => {
      subscriber.next(doneEvent(outcome));
      subscriber.complete();
    });
  }

  /** Cancels what is in flight and waits until it is stored, before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const live of this.live.all()) live.cancel();
    await Promise.all(this.settled);
  }

  private async execute(
    live: LiveRun,
    suite: EvalSuite,
    store: EvalRunStore,
    concurrency: number,
  ): Promise<void> {
    let outcome: RunOutcome;
    try {
      const run = await runSuite(suite, {
        id: live.id,
        models: this.models.resolver(),
        ...(this.models.judgeId ? { judge: this.models.judgeId } : {}),
        concurrency,
        signal: live.signal,
        onProgress: (progress) => live.record(progress),
      });
      await store.finish(run);
      outcome = { runId: live.id, status: run.status, summary: run.summary };
      this.logger.log(
        `Run ${live.id} (${suite.name}) ${run.status}: ${run.summary.passed}/${run.summary.total} passed`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Run ${live.id} (${suite.name}) failed: ${message}`);
      await store
        .fail(live.id, message)
        .catch((failure: unknown) =>
          this.logger.error(`Run ${live.id} not marked failed: ${String(failure)}`),
        );
      outcome = { runId: live.id, status: 'failed', summary: null, error: message };
    }
    // Out of the live set first: a client that reacts to `done` finds the stored run.
    this.live.delete(live.id);
    live.finish(outcome);
  }

  private checkCapacity(): void {
    if (this.live.size >= this.config.EVAL_MAX_RUNNING)
      throw new TooManyRunsError(this.config.EVAL_MAX_RUNNING);
  }
}
