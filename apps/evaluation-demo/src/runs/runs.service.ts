// Suite runs in the background (promptfoo's `eval`, served): a run is stored as `running`, executed
// by @repo/evaluation's runSuite with progress going out as SSE, then stored whole (or marked
// failed). At most EVAL_MAX_RUNNING runs are in flight, counted from the moment a request is
// accepted (its suite is parsed and checked inside the slot), so the limit holds whatever the
// provider: before, on the embedded in-process model, a run finished before the next request was
// even read, and a hundred submissions were all accepted while /health waited. One more is an
// OverloadedError (429 + Retry-After from the recent run times). Cancelling aborts the run's
// signal, and the cases that finished are kept; stopping the app cancels what is in flight.
// Logs carry run ids, counts, sizes and error kinds: never suite text, model output or messages.
import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type MessageEvent,
} from '@nestjs/common';
import { createWorkQueue, type WorkQueue } from '@repo/core';
import { checkSuiteModels, runSuite, type EvalRunStore, type EvalSuite } from '@repo/evaluation';
import { APP_CONFIG } from '@repo/nest';
import { Observable } from 'rxjs';
import type { AppConfig } from '../app-config.js';
import { EvalModelsService } from '../common/eval-models.service.js';
import { EvalStoreService } from '../common/eval-store.service.js';
import { EvalWorkersService } from '../common/eval-workers.service.js';
import { caseCount, SuitesService, type SuiteSource } from '../suites/suites.service.js';
import { doneEvent, LiveRun, type RunOutcome } from './live-run.js';
import { LiveRuns } from './live-runs.js';
import { describeSource, kindOf } from './run-log.js';
import { runConflict, runNotFound } from './run-errors.js';

export interface StartedRun {
  runId: string;
  status: 'running';
  events: string;
  report: string;
}

const MAX_CONCURRENCY = 32;
/** Suites take seconds: a refused client is told to wait at least this long. */
const MIN_RETRY_AFTER_MS = 5000;

interface Prepared {
  live: LiveRun;
  suite: EvalSuite;
  store: EvalRunStore;
  concurrency: number;
}

@Injectable()
export class RunsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Runs');
  private readonly settled = new Set<Promise<void>>();
  private readonly slots: WorkQueue;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EvalStoreService) private readonly store: EvalStoreService,
    @Inject(EvalModelsService) private readonly models: EvalModelsService,
    @Inject(SuitesService) private readonly suites: SuitesService,
    @Inject(LiveRuns) private readonly live: LiveRuns,
    @Inject(EvalWorkersService) private readonly workers: EvalWorkersService,
  ) {
    this.slots = createWorkQueue({
      concurrency: config.EVAL_MAX_RUNNING,
      maxQueued: 0,
      name: 'eval runs',
      hint: 'cancel one, or raise EVAL_MAX_RUNNING',
      minRetryAfterMs: MIN_RETRY_AFTER_MS,
    });
  }

  /**
   * Takes a run slot (or refuses with 429 at once), checks the suite and its models, stores the
   * run and answers; the run goes on in the same slot, which it frees when it ends.
   */
  start(input: { suite: SuiteSource; concurrency?: number }): Promise<StartedRun> {
    return new Promise<StartedRun>((accept, refuse) => {
      const running = this.slots.run(async () => {
        let prepared: Prepared;
        try {
          prepared = await this.prepare(input);
        } catch (error) {
          refuse(error);
          return;
        }
        const base = `/api/eval/runs/${prepared.live.id}`;
        accept({
          runId: prepared.live.id,
          status: 'running',
          events: `${base}/events`,
          report: `${base}/report.html`,
        });
        await this.execute(prepared);
      });
      // Refused (every slot taken): the request gets the OverloadedError.
      const settled = running.catch(refuse);
      this.settled.add(settled);
      void settled.finally(() => this.settled.delete(settled));
    });
  }

  private async prepare(input: { suite: SuiteSource; concurrency?: number }): Promise<Prepared> {
    const suite = await this.suites.resolve(input.suite);
    checkSuiteModels(suite, this.models.resolver(), { judge: this.models.judgeId });
    const store = await this.store.store();
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
    this.logger.log(
      `Run ${live.id} started: ${describeSource(input.suite)}, ${suite.tests.length} tests, ${live.progress.total} cases, ${concurrency} at a time`,
    );
    return { live, suite, store, concurrency };
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

  private async execute({ live, suite, store, concurrency }: Prepared): Promise<void> {
    let outcome: RunOutcome;
    try {
      const run = await runSuite(suite, {
        id: live.id,
        models: this.models.resolver(),
        ...(this.models.judgeId ? { judge: this.models.judgeId } : {}),
        concurrency,
        signal: live.signal,
        workers: this.workers.pool,
        onProgress: (progress) => live.record(progress),
      });
      await store.finish(run);
      outcome = { runId: live.id, status: run.status, summary: run.summary };
      const { passed, failed, errors, cancelled, total, durationMs } = run.summary;
      this.logger.log(
        `Run ${live.id} ${run.status}: ${passed} passed, ${failed} failed, ${errors} errors, ${cancelled} cancelled of ${total} in ${Math.round(durationMs)} ms`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Run ${live.id} failed: ${kindOf(error)}`);
      await store
        .fail(live.id, message)
        .catch((failure: unknown) =>
          this.logger.error(`Run ${live.id} not marked failed: ${kindOf(failure)}`),
        );
      outcome = { runId: live.id, status: 'failed', summary: null, error: message };
    }
    // Out of the live set first: a client that reacts to `done` finds the stored run.
    this.live.delete(live.id);
    live.finish(outcome);
  }
}
