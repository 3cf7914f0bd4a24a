// Comparing a succeeded job's tuned model with its base, off the request thread and one comparison
// at a time (another is a 429 with Retry-After): each held-out prompt goes to both, and
// @repo/evaluation's pairwise judge (the registry's default chat model; offline, its heuristic
// against the row's reference answer) says which answer is better. Progress streams over SSE.
import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type MessageEvent,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { OverloadedError } from '@repo/core';
import { createPairwiseJudge, usesHeuristic } from '@repo/evaluation';
import { AI_MODEL_REGISTRY } from '@repo/nest';
import type { ModelRegistry } from '@repo/providers';
import { Observable, Subject } from 'rxjs';
import { FineTunedModelsService } from '../chat/fine-tuned-models.service.js';
import { AppDataService } from '../common/app-data.service.js';
import { DatasetsService } from '../datasets/datasets.service.js';
import { notInThisStatus } from '../jobs/job-errors.js';
import type { JobView } from '../jobs/job-view.js';
import { compareCases } from './compare-cases.js';
import { CompareStore, summarise, type CompareJson, type CompareRow } from './compare-store.js';

const RETRY_AFTER_MS = 5_000;

@Injectable()
export class CompareService implements OnApplicationShutdown {
  private readonly logger = new Logger('Compare');
  private readonly store: CompareStore;
  /** Between the check and the run: a second start is refused then too. */
  private starting = false;
  private running:
    { compare: CompareJson; events: Subject<MessageEvent>; abort: AbortController } | undefined;

  constructor(
    @Inject(AI_MODEL_REGISTRY) private readonly registry: ModelRegistry,
    @Inject(FineTunedModelsService) private readonly models: FineTunedModelsService,
    @Inject(DatasetsService) private readonly datasets: DatasetsService,
    @Inject(AppDataService) data: AppDataService,
  ) {
    this.store = new CompareStore(data.compares);
  }

  async start(job: JobView, datasetId: string | undefined, limit: number): Promise<{ id: string }> {
    if (job.status !== 'succeeded' || !job.fineTunedModel)
      throw notInThisStatus(job.id, 'be compared', job.status);
    if (this.running || this.starting)
      throw new OverloadedError(
        'A comparison is running already (one at a time); try again shortly',
        RETRY_AFTER_MS,
      );
    this.starting = true;
    try {
      return await this.begin(job, datasetId, limit);
    } finally {
      this.starting = false;
    }
  }

  private async begin(
    job: JobView,
    datasetId: string | undefined,
    limit: number,
  ): Promise<{ id: string }> {
    const source = datasetId ?? job.validationDataset ?? undefined;
    if (source !== undefined)
      await this.datasets.get(source, datasetId === undefined ? 'validationDataset' : 'dataset');
    const base = await this.models.resolve(job.model, 'model');
    const tuned = await this.models.resolve(job.fineTunedModel ?? '', 'fineTunedModel');
    const compare: CompareJson = {
      id: `cmp-${randomUUID()}`,
      jobId: job.id,
      status: 'running',
      progress: { done: 0, total: 0 },
      result: null,
      error: null,
      createdAt: new Date().toISOString(),
    };
    const run = { compare, events: new Subject<MessageEvent>(), abort: new AbortController() };
    this.running = run;
    const file = source === undefined ? undefined : this.datasets.store.rowsPath(source);
    void this.run(run, { base, tuned, file, limit }).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    return { id: compare.id };
  }

  private async run(
    run: NonNullable<CompareService['running']>,
    input: { base: string; tuned: string; file: string | undefined; limit: number },
  ): Promise<void> {
    const { compare, events, abort } = run;
    try {
      const cases = await compareCases(input.file, input.limit);
      compare.progress = { done: 0, total: cases.length };
      await this.store.put(compare);
      const judgeModel = this.registry.chat();
      const judge = createPairwiseJudge({ model: judgeModel });
      const judgeName = usesHeuristic({ model: judgeModel })
        ? 'heuristic (offline: token F1 against the reference)'
        : `${judgeModel.provider}:${judgeModel.modelId}`;
      const rows: CompareRow[] = [];
      for (const { prompt, reference } of cases) {
        const [base, tuned] = await Promise.all([
          this.models.answer('base', input.base, prompt, 64, abort.signal),
          this.models.answer('tuned', input.tuned, prompt, 64, abort.signal),
        ]);
        const verdict = await judge.compare({
          question: prompt,
          a: base.text,
          b: tuned.text,
          reference,
          signal: abort.signal,
        });
        const winner = verdict.winner === 'a' ? 'base' : verdict.winner === 'b' ? 'tuned' : 'tie';
        rows.push({
          prompt,
          base: base.text,
          tuned: tuned.text,
          verdict: winner,
          reason: verdict.feedback,
        });
        compare.progress = { done: rows.length, total: cases.length };
        events.next({ type: 'progress', data: { ...compare.progress } });
      }
      compare.result = summarise(rows, judgeName);
      compare.status = 'done';
    } catch (error) {
      compare.status = 'failed';
      compare.error = abort.signal.aborted
        ? 'stopped by shutdown'
        : error instanceof Error
          ? error.message
          : String(error);
      if (!abort.signal.aborted) this.logger.error(`Comparison ${compare.id}: ${compare.error}`);
    }
    await this.store.put(compare).catch(() => undefined);
    events.next({ type: 'done', data: compare });
    events.complete();
  }

  async get(id: string): Promise<CompareJson> {
    if (this.running?.compare.id === id) return this.running.compare;
    const stored = await this.store.get(id);
    if (!stored) throw compareNotFound(id);
    return stored;
  }

  async events(id: string): Promise<Observable<MessageEvent>> {
    const running = this.running?.compare.id === id ? this.running : undefined;
    const compare = running?.compare ?? (await this.get(id));
    return new Observable<MessageEvent>((subscriber) => {
      subscriber.next({ type: 'progress', data: { ...compare.progress } });
      if (running) return running.events.subscribe(subscriber);
      subscriber.next({ type: 'done', data: compare });
      subscriber.complete();
      return undefined;
    });
  }

  onApplicationShutdown(): void {
    this.running?.abort.abort();
  }
}

function compareNotFound(id: string) {
  return new NotFoundException({
    message: `No comparison "${id}".`,
    details: [{ field: 'id', reason: 'is not a known comparison id' }],
  });
}
