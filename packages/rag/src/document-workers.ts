// Reading and splitting in worker threads (Piscina), so a large or hostile file never stalls the
// app's event loop: a 9.9 MB one-line file kept an app's /health from answering for minutes when
// split on the request thread. Each file also runs under two bounds that only a thread can give,
// because a reader stuck in a synchronous loop (pdf.js, marked, an HTML parser on hostile input)
// cannot be interrupted otherwise:
//   - time: past `timeoutMs` the thread is terminated and the file is a CorruptDocumentError;
//   - memory: past `maxHeapMb` the thread dies and the file is a CorruptDocumentError.
// At most `threads` files run at once; up to `maxQueue` more wait (the clock starts when a file
// starts), and one more is refused with OverloadedError (429 + Retry-After in the apps).
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { AbortedError, createWorkQueue, InvalidInputError } from '@repo/core';
import { Piscina } from 'piscina';
import { CorruptDocumentError } from './etl-errors.js';
import type { BytesSource, ReaderOptions } from './read-document.js';
import { fromFailure } from './read-split-failure.js';
import type { ReadSplitResult, ReadSplitTask } from './read-split-worker.js';
import type { SplitOptions } from './split-documents.js';
import type { RagDocument } from './rag-types.js';

export interface DocumentWorkersOptions {
  /** Files read and split at once, one thread each (default: the cores but one, 1 to 4). */
  threads?: number;
  /** Files that may wait for a thread (default 64); one more is an OverloadedError. */
  maxQueue?: number;
  /** Longest read + split of one file in ms (default 60,000). */
  timeoutMs?: number;
  /** Heap of one thread in MB (default 1,024, at least 64): what one file may take to read and split. */
  maxHeapMb?: number;
  /** Idle threads exit after this many ms (default 30,000); they start again on demand. */
  idleTimeoutMs?: number;
}

export interface ReadAndSplitOptions {
  readers?: ReaderOptions;
  split?: Omit<SplitOptions, 'lengthFunction'> | false;
  signal?: AbortSignal;
}

export interface DocumentWorkers {
  /** One file's chunks (its documents split), or the reader's typed error (415/422 material). */
  readAndSplit(
    source: BytesSource,
    options?: ReadAndSplitOptions,
  ): Promise<{ documents: number; chunks: RagDocument[] }>;
  readonly threads: number;
  /** Terminates the threads; files still running are rejected. */
  close(): Promise<void>;
}

export const DOCUMENT_WORKER_DEFAULTS = {
  maxQueue: 64,
  timeoutMs: 60_000,
  maxHeapMb: 1024,
  idleTimeoutMs: 30_000,
} as const;

/** Heap a thread needs to start and load the readers, before any file. */
const MIN_HEAP_MB = 64;

/** The built worker: from dist it sits beside this file; from src (Vitest) it is dist's, built first. */
function workerFile(): string {
  const here = import.meta.url;
  const relative = here.endsWith('.ts') ? '../dist/read-split-worker.js' : './read-split-worker.js';
  return fileURLToPath(new URL(relative, here));
}

export function createDocumentWorkers(options: DocumentWorkersOptions = {}): DocumentWorkers {
  const threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const { timeoutMs, maxHeapMb, idleTimeoutMs } = { ...DOCUMENT_WORKER_DEFAULTS, ...options };
  const queue = createWorkQueue({
    concurrency: threads,
    maxQueued: options.maxQueue ?? DOCUMENT_WORKER_DEFAULTS.maxQueue,
    name: 'files to read and split',
  });
  if (!(maxHeapMb >= MIN_HEAP_MB))
    throw new InvalidInputError(`maxHeapMb must be at least ${MIN_HEAP_MB}`, [
      { field: 'maxHeapMb', reason: `must be at least ${MIN_HEAP_MB} (a thread's own start)` },
    ]);
  const running = new Set<(error: Error) => void>();
  let pool: Piscina<ReadSplitTask, ReadSplitResult> | undefined;
  const getPool = () => {
    if (pool) return pool;
    const created = new Piscina<ReadSplitTask, ReadSplitResult>({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: idleTimeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    // A thread that fails while starting (its file missing, no memory) fails no task of its own:
    // Piscina reports it here and starts no other thread, so fail what runs and start afresh.
    created.on('error', (error: Error) => {
      if (pool === created) pool = undefined;
      void created.destroy();
      for (const fail of running) fail(error);
    });
    return (pool = created);
  };

  const runOne = async (task: ReadSplitTask, signal?: AbortSignal) => {
    const source = task.source.source ?? task.source.filename;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let startError: Error | undefined;
    let failStart: (error: Error) => void = () => undefined;
    const started = new Promise<never>((_, reject) => (failStart = reject));
    started.catch(() => undefined);
    const fail = (error: Error) => {
      startError = new Error(`The document worker threads failed to start: ${error.message}`, {
        cause: error,
      });
      failStart(startError);
      controller.abort();
    };
    running.add(fail);
    try {
      const result = await Promise.race([
        getPool().run(task, { signal: controller.signal }),
        started,
      ]);
      if (!result.ok) throw fromFailure(result.failure);
      return { documents: result.documents, chunks: result.chunks };
    } catch (error) {
      if (error === startError) throw error;
      if (timedOut)
        throw new CorruptDocumentError(
          source,
          `reading and splitting it took longer than ${timeoutMs / 1000} s (the limit per file)`,
        );
      if (signal?.aborted) throw new AbortedError();
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw new CorruptDocumentError(
          source,
          `reading and splitting it needs more than ${maxHeapMb} MB of memory (the limit per file)`,
        );
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      running.delete(fail);
    }
  };

  return {
    threads,
    readAndSplit(source, runOptions = {}) {
      const { readers, split, signal } = runOptions;
      return queue.run(() => runOne({ source, readers, split }, signal), { signal });
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
