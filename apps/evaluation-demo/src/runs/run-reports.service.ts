// Reading stored runs: the list, one run, its HTML report, and the comparison of two runs (cases
// that flipped, the pass-rate difference with a paired bootstrap interval). Only a finished run
// (completed or cancelled) has results; asking for them earlier is a 409 that says why.
import { Inject, Injectable } from '@nestjs/common';
import { compareRuns, renderHtmlReport, type EvalRun, type RunComparison } from '@repo/evaluation';
import type { StoredRunInfo } from '@repo/evaluation';
import { EvalStoreService } from '../common/eval-store.service.js';
import type { ProgressCounts } from './live-run.js';
import { LiveRuns } from './live-runs.js';
import { runConflict, runNotFound } from './run-errors.js';

export interface RunDetails extends StoredRunInfo {
  run: EvalRun | null;
  /** Counts so far, while the run is in flight. */
  progress?: ProgressCounts;
}

@Injectable()
export class RunReportsService {
  constructor(
    @Inject(EvalStoreService) private readonly store: EvalStoreService,
    @Inject(LiveRuns) private readonly live: LiveRuns,
  ) {}

  /** Newest first. */
  async list(): Promise<StoredRunInfo[]> {
    return (await this.store.store()).list();
  }

  async get(id: string): Promise<RunDetails> {
    const stored = await (await this.store.store()).get(id);
    if (!stored) throw runNotFound(id);
    const { suite: _suite, ...details } = stored;
    const progress = this.live.get(id)?.progress;
    return progress ? { ...details, progress } : details;
  }

  async report(id: string): Promise<string> {
    return renderHtmlReport(await this.finished(id));
  }

  async compare(a: string, b: string): Promise<{ comparison: RunComparison; after: EvalRun }> {
    const [before, after] = await Promise.all([this.finished(a, 'a'), this.finished(b, 'b')]);
    return { comparison: compareRuns(before, after), after };
  }

  async compareHtml(a: string, b: string): Promise<string> {
    const { comparison, after } = await this.compare(a, b);
    return renderHtmlReport(after, { comparison });
  }

  /** The run's results; 404 unknown, 409 while running or when it failed without results. */
  private async finished(id: string, field = 'id'): Promise<EvalRun> {
    const stored = await (await this.store.store()).get(id);
    if (!stored) throw runNotFound(id, field);
    if (stored.run) return stored.run;
    if (stored.status === 'running') {
      const progress = this.live.get(id)?.progress;
      const sofar = progress ? ` (${progress.done} of ${progress.total} cases done)` : '';
      throw runConflict(
        `Run ${id} is still running${sofar}; its results are ready once /api/eval/runs/${id}/events sends done.`,
        field,
        'is still running',
      );
    }
    throw runConflict(
      `Run ${id} failed (${stored.error ?? 'no reason recorded'}), so it has no results.`,
      field,
      'failed without results',
    );
  }
}
