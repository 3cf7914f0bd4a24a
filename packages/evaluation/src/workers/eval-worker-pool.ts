// The worker threads that keep an eval's CPU work off the event loop: every check on a model's
// output (regex, JSON schema, contains, the metrics) and the parsing of suites that arrive over
// the network. Each task has a time limit; one that runs past it is aborted, and piscina then
// terminates its thread (JavaScript cannot interrupt a running loop any other way) and starts a
// fresh one for the next task. The limit starts when the task gets a thread, not when it is
// queued: at most `threads` tasks are handed to piscina at once, the rest wait here, so a busy
// pool does not turn into false timeouts.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { AbortedError, createWorkQueue } from '@repo/core';
import { Piscina } from 'piscina';
import type {
  AssertionOutcome,
  GradeBatch,
  OutputGrader,
} from '../assertions/assertion-context.js';
import type { EvalSuite } from '../suite/eval-suite.js';
import { SuiteTooLargeError } from '../suite/suite-errors.js';
import type { ParseSuiteOptions } from '../suite/load-suite.js';
import { fromPlainError, GradingTimeoutError } from './worker-errors.js';
import type { SuiteSourceData, WorkerReply, WorkerTask } from './worker-tasks.js';

/** Extra time for a task that must wait for its thread to start. */
const COLD_START_MS = 5_000;

export interface EvalWorkerPoolOptions {
  /** Worker threads (default: the CPUs but one, 1 to 4). Started on first use. */
  threads?: number;
  /** A case's checks on its output that take longer are stopped; the case errors (default 10,000 ms). */
  gradingTimeoutMs?: number;
  /** Parsing a suite that takes longer is refused with SuiteTooLargeError (default 10,000 ms). */
  parseTimeoutMs?: number;
  /** Another worker module answering the same tasks (tests). Default: the built eval-worker.js. */
  workerFile?: string | URL;
}

export interface EvalWorkerPool extends OutputGrader {
  /** A case's checks on its output, in a worker; GradingTimeoutError past the time limit. */
  grade(batch: GradeBatch, signal?: AbortSignal): Promise<AssertionOutcome[]>;
  /** parseSuiteText (a string) or parseSuite (an object) in a worker; throws SuiteError. */
  parseSuite(
    source: SuiteSourceData,
    options?: ParseSuiteOptions,
    signal?: AbortSignal,
  ): Promise<EvalSuite>;
  readonly threads: number;
  /** Stops the threads; tasks still running are aborted. */
  close(): Promise<void>;
}

export const DEFAULT_GRADING_TIMEOUT_MS = 10_000;

export function createEvalWorkerPool(options: EvalWorkerPoolOptions = {}): EvalWorkerPool {
  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  const gradingTimeoutMs = options.gradingTimeoutMs ?? DEFAULT_GRADING_TIMEOUT_MS;
  const parseTimeoutMs = options.parseTimeoutMs ?? DEFAULT_GRADING_TIMEOUT_MS;
  const slots = createWorkQueue({ concurrency: threads, maxQueued: Number.MAX_SAFE_INTEGER });
  let piscina: Piscina | undefined;
  const start = () =>
    (piscina ??= new Piscina({
      filename: resolveWorkerFile(options.workerFile),
      minThreads: 0,
      maxThreads: threads,
      // Warm threads for the next case; idle ones never keep the process alive (piscina unrefs them).
      idleTimeout: 30_000,
      // A grading that allocates without bound ends its own thread, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    }));

  async function run<T>(
    task: WorkerTask,
    limitMs: number,
    signal: AbortSignal | undefined,
    overtime: () => Error,
  ): Promise<T> {
    return slots.run(
      async () => {
        const controller = new AbortController();
        const pool = start();
        // A thread that is not running yet (the first task, or the one after a timed-out thread
        // was stopped) must start and load the worker before it grades: seconds on a loaded
        // 2-core machine, which is not the grading's time.
        const startup = pool.threads.length === 0 ? COLD_START_MS : 0;
        const timer = setTimeout(() => controller.abort(), limitMs + startup);
        const cancel = () => controller.abort();
        signal?.addEventListener('abort', cancel, { once: true });
        try {
          const reply = (await pool.run(task, { signal: controller.signal })) as WorkerReply<T>;
          if (!reply.ok) throw fromPlainError(reply.error);
          return reply.value;
        } catch (error) {
          if (signal?.aborted) throw new AbortedError();
          if (controller.signal.aborted) throw overtime();
          throw error;
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', cancel);
        }
      },
      { signal },
    );
  }

  return {
    threads,
    grade: (batch, signal) =>
      run<AssertionOutcome[]>(
        { kind: 'grade', batch },
        gradingTimeoutMs,
        signal,
        () =>
          new GradingTimeoutError(
            batch.checks.map((check) => check.type),
            gradingTimeoutMs,
          ),
      ),
    parseSuite: (source, parseOptions = {}, signal) =>
      run<EvalSuite>(
        { kind: 'parse-suite', source, options: parseOptions },
        parseTimeoutMs,
        signal,
        () =>
          new SuiteTooLargeError(
            'parseTimeoutMs',
            parseTimeoutMs,
            {
              field: '',
              reason: `took longer than ${parseTimeoutMs} ms to read (${parseOptions.limitNames?.parseTimeoutMs ?? 'parseTimeoutMs'}); send a smaller suite`,
            },
            parseOptions.file,
          ),
      ),
    close: async () => {
      await piscina?.destroy();
      piscina = undefined;
    },
  };
}

let shared: EvalWorkerPool | undefined;

/** The pool runSuite uses when given none: made on first use, with the defaults. */
export function getSharedWorkerPool(): EvalWorkerPool {
  return (shared ??= createEvalWorkerPool());
}

function defaultThreads(): number {
  // One CPU stays with the event loop; more than four rarely helps a grading load.
  return Math.min(4, availableParallelism() - 1);
}

/**
 * The worker must be JavaScript: next to this file once built (dist/workers/), or, when this
 * file runs from src (Vitest), the package's built copy in dist.
 */
function resolveWorkerFile(file: string | URL | undefined): string {
  if (file !== undefined) return file instanceof URL ? fileURLToPath(file) : file;
  const beside = fileURLToPath(new URL('./eval-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/workers/eval-worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`The evaluation worker is not built (${built}); run the package's build first.`);
}
