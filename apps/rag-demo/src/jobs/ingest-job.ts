// One ingest job: its state, what GET /api/rag/jobs/:id shows, and its events. Every event goes to
// the listeners of GET /api/rag/jobs/:id/events; the milestones (status changes, each phase's
// start and end, the outcome) are also kept, so a client that connects late, or after the end,
// reads the same story from the start. Progress within a phase is live only. Each progress event
// carries running counts (ingest-progress.ts): files read, unchanged and skipped, chunks embedded.
import type { MessageEvent } from '@nestjs/common';
import type { ErrorBody } from '@repo/nest';
import type { IngestProgress } from '@repo/rag';
import { createProgressTally, type ProgressView } from './ingest-progress.js';
import type { IngestResult } from '../ingest/ingest.service.js';

/**
 * A job's report: the ingest report without the chunk ids, which a large job has by the
 * thousand (filter or delete by `source` instead).
 */
export type JobResult = Omit<IngestResult, 'ids'>;

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobView {
  id: string;
  status: JobStatus;
  input: { kind: 'upload' | 'path'; files: number; bytes: number };
  createdAt: string;
  /** When the status last changed. */
  updatedAt: string;
  /** The latest progress event, null before the first. */
  progress: ProgressView | null;
  /** The ingest report, once it succeeded. */
  result?: JobResult;
  /** The error body the request would have answered, once it failed. */
  error?: ErrorBody;
}

export type JobWork = (context: {
  signal: AbortSignal;
  onProgress: (progress: IngestProgress) => void;
  /** Files refused before the pipeline saw them (counted in the progress events). */
  onSkipped: (count: number) => void;
}) => Promise<IngestResult>;

export interface IngestJob {
  readonly id: string;
  readonly history: readonly MessageEvent[];
  readonly finished: boolean;
  view(): JobView;
  listen(listener: (event: MessageEvent) => void): () => void;
  start(): void;
  progress(progress: IngestProgress): void;
  skipped(count: number): void;
  succeed(result: IngestResult): void;
  fail(error: ErrorBody): void;
}

export function createJob(id: string, input: JobView['input']): IngestJob {
  const now = new Date().toISOString();
  const state: JobView = {
    id,
    status: 'queued',
    input,
    createdAt: now,
    updatedAt: now,
    progress: null,
  };
  const tally = createProgressTally(input.files);
  const history: MessageEvent[] = [];
  const listeners = new Set<(event: MessageEvent) => void>();
  const emit = (event: MessageEvent, milestone: boolean) => {
    if (milestone) history.push(event);
    for (const listener of listeners) listener(event);
  };
  const status = (next: JobStatus) => {
    state.status = next;
    state.updatedAt = new Date().toISOString();
    emit({ type: 'status', data: { id, status: next } }, true);
  };
  status('queued');

  return {
    id,
    history,
    get finished() {
      return state.status === 'succeeded' || state.status === 'failed';
    },
    view: () => structuredClone(state),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      status('running');
    },
    progress(progress) {
      const view = tally.record(progress);
      state.progress = view;
      const milestone = progress.done === 0 || progress.done === progress.total;
      emit({ type: 'progress', data: view }, milestone);
    },
    skipped(count) {
      tally.skip(count);
    },
    succeed({ ids: _ids, ...result }) {
      state.result = result;
      state.updatedAt = new Date().toISOString();
      state.status = 'succeeded';
      emit({ type: 'done', data: { id, status: 'succeeded', result } }, true);
    },
    fail(error) {
      state.error = error;
      state.updatedAt = new Date().toISOString();
      state.status = 'failed';
      emit({ type: 'error', data: { id, status: 'failed', error } }, true);
    },
  };
}
