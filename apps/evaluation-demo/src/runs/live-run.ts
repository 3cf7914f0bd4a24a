// A run in flight, in this process: its abort switch, its counts so far and its SSE events. A
// subscriber gets a `progress` snapshot of the counts first (so one that connects late still knows
// where the run stands), then one `progress` per finished case, then `done`, and the stream ends.
import type { MessageEvent } from '@nestjs/common';
import type { CaseStatus, RunProgress, RunSummary } from '@repo/evaluation';
import { Observable, Subject } from 'rxjs';

export interface ProgressCounts {
  done: number;
  total: number;
  passed: number;
  failed: number;
  errors: number;
}

export interface ProgressEvent extends ProgressCounts {
  /** The case that just finished; absent in the snapshot sent on connect. */
  case?: { id: string; description: string; status: CaseStatus; score: number };
}

export interface RunOutcome {
  runId: string;
  status: 'completed' | 'cancelled' | 'failed';
  /** Null when the run failed before producing results. */
  summary: RunSummary | null;
  error?: string;
}

export const doneEvent = (outcome: RunOutcome): MessageEvent => ({ type: 'done', data: outcome });

export class LiveRun {
  private readonly abort = new AbortController();
  private readonly events = new Subject<MessageEvent>();
  private counts: ProgressCounts;

  constructor(
    readonly id: string,
    total: number,
  ) {
    this.counts = { done: 0, total, passed: 0, failed: 0, errors: 0 };
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get progress(): ProgressCounts {
    return { ...this.counts };
  }

  cancel(): void {
    this.abort.abort();
  }

  record({ result, ...counts }: RunProgress): void {
    this.counts = { ...counts };
    const { id, description, status, score } = result;
    const data: ProgressEvent = { ...counts, case: { id, description, status, score } };
    this.events.next({ type: 'progress', data });
  }

  finish(outcome: RunOutcome): void {
    this.events.next(doneEvent(outcome));
    this.events.complete();
  }

  stream(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      subscriber.next({ type: 'progress', data: this.progress satisfies ProgressEvent });
      return this.events.subscribe(subscriber);
    });
  }
}
