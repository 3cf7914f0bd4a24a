// What an ingest's progress events say: the pipeline's latest phase event (phase, done, total)
// plus running counts a client can show without knowing the phases: files read, found unchanged
// (not read at all) and skipped, and chunks embedded out of those to embed (only new chunks are
// embedded: a re-ingest of unchanged files embeds nothing).
import type { IngestPhase, IngestProgress } from '@repo/rag';

export interface ProgressView {
  phase: IngestPhase;
  done: number;
  total: number;
  files: { total: number; read: number; unchanged: number; skipped: number };
  chunks: { embedded: number; total: number };
}

export interface ProgressTally {
  /** Files refused before the pipeline (a folder's links, unreadable or too large files). */
  skip(count: number): void;
  record(event: IngestProgress): ProgressView;
}

export function createProgressTally(files: number): ProgressTally {
  const counts: Omit<ProgressView, 'phase' | 'done' | 'total'> = {
    files: { total: files, read: 0, unchanged: 0, skipped: 0 },
    chunks: { embedded: 0, total: 0 },
  };
  return {
    skip(count) {
      counts.files.skipped += count;
    },
    record(event) {
      if (event.phase === 'check') counts.files.unchanged = event.unchanged ?? 0;
      if (event.phase === 'read') counts.files.read = event.done;
      if (event.phase === 'embed') counts.chunks = { embedded: event.done, total: event.total };
      return {
        phase: event.phase,
        done: event.done,
        total: event.total,
        files: { ...counts.files },
        chunks: { ...counts.chunks },
      };
    },
  };
}
