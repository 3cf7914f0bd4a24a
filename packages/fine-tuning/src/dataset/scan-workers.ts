// Examines a large file's lines in a small pool of worker threads (token counting dominates a
// validation pass and is per line): this thread reads and splits the file, sends batches of lines
// (raw bytes, see line-batches.ts) to the least busy worker, and hands the outcomes back in file
// order. At most a few batches per worker are in flight and each worker's heap is capped, so
// memory stays flat whatever the file's size.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DatasetFormat } from '../formats.js';
import { detectFormat } from './check-row.js';
import { loadTokenizer, type Tokenizer } from './count-tokens.js';
import { examineBatch } from './examine-batch.js';
import type { LineOutcome } from './examine-line.js';
import type { EncodingName } from './model-limits.js';
import { wholeNumber } from './check-options.js';
import { lineBatches, type LineBatch } from './line-batches.js';
import { DEFAULT_MAX_LINE_BYTES, lineDecoder, readLines } from './read-lines.js';

export interface WorkerSetup {
  encoding: EncodingName;
  mergeCacheSize?: number;
  contextTokens: number;
  format: DatasetFormat | undefined;
}

export interface WorkerScanOptions extends WorkerSetup {
  workers: number;
  maxLineBytes?: number;
}

/** Bytes of whole lines per batch (a batch ends with the line that takes it past this). */
const BATCH_BYTES = 128 * 1024;
/** Batches in flight per worker: one being examined, one waiting, so a worker never idles. */
const DEPTH = 2;
/**
 * A worker's heap is capped so V8 collects it instead of growing it (uncapped, each grows to about
 * 70 MB of mostly garbage on a 100 MB file): its tokenizer table (cl100k_base about 10 MB live,
 * o200k_base about 20), a bounded merge cache and one batch fit with room to spare. A smaller young
 * generation costs more collections; 4 MB was the best trade measured. Lines over BIG_LINE_BYTES
 * are examined in this thread instead, so no line can outgrow a worker's heap.
 */
const WORKER_YOUNG_MB = 4;
const WORKER_OLD_MB: Record<EncodingName, number> = { cl100k_base: 48, o200k_base: 64 };
const WORKER_MERGE_CACHE = 20_000;
const BIG_LINE_BYTES = 1024 * 1024;

// Under Vitest this module is a .ts source and the worker must be the built file.
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../../dist/dataset/scan-worker.js', here)
    : new URL('./scan-worker.js', here);
}

export async function examineInWorkers(
  path: string,
  options: WorkerScanOptions,
  onOutcome: (line: number, outcome: LineOutcome) => void,
): Promise<void> {
  const maxLineBytes = wholeNumber(options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, 'maxLineBytes');
  const setup: WorkerSetup = {
    encoding: options.encoding,
    contextTokens: options.contextTokens,
    // Workers check lines out of order, so the format the first parsed row decides is found first.
    format: options.format ?? (await firstFormat(path, maxLineBytes)),
  };
  const pool = Array.from({ length: options.workers }, () => new PoolWorker(setup));
  try {
    const inFlight: Promise<string | LineOutcome[]>[] = [];
    let line = 0;
    let tokenizer: Promise<Tokenizer> | undefined; // this thread's, for the rare big line
    const here = async (batch: LineBatch): Promise<LineOutcome[]> => {
      tokenizer ??= loadTokenizer(setup.encoding);
      const settings = { tokenizer: await tokenizer, contextTokens: setup.contextTokens };
      return examineBatch(batch, setup.format, settings, lineDecoder());
    };
    const foldOldest = async (): Promise<void> => {
      const outcomes = (await inFlight.shift()) ?? [];
      const list =
        typeof outcomes === 'string' ? (JSON.parse(outcomes) as LineOutcome[]) : outcomes;
      for (const outcome of list) onOutcome(++line, outcome);
    };
    for await (const batch of lineBatches(path, maxLineBytes, BATCH_BYTES, BIG_LINE_BYTES)) {
      const worker = pool.reduce((a, b) => (b.pending < a.pending ? b : a));
      const outcomes: Promise<string | LineOutcome[]> = batch.alone
        ? here(batch)
        : worker.examine(batch);
      outcomes.catch(() => undefined); // awaited in file order; an early failure is not unhandled
      inFlight.push(outcomes);
      while (inFlight.length >= pool.length * DEPTH) await foldOldest();
    }
    while (inFlight.length > 0) await foldOldest();
  } finally {
    await Promise.all(pool.map((worker) => worker.stop()));
  }
}

/**
 * The format of the first line that parses as JSON (what a one-thread pass detects); undefined
 * when none does, and then no line is checked against a format anyway.
 */
async function firstFormat(path: string, maxLineBytes: number): Promise<DatasetFormat | undefined> {
  for await (const raw of readLines(path, { maxLineBytes })) {
    if (raw.text === undefined || raw.text.trim() === '') continue;
    try {
      return detectFormat(JSON.parse(raw.text)) ?? 'sft';
    } catch {
      continue;
    }
  }
  return undefined;
}

/** One worker thread; it answers batches in the order it receives them. */
class PoolWorker {
  private readonly worker: Worker;
  private readonly waiting: {
    resolve: (outcomes: string) => void;
    reject: (error: Error) => void;
  }[] = [];
  private failure: Error | undefined;

  constructor(setup: WorkerSetup) {
    this.worker = new Worker(fileURLToPath(workerUrl()), {
      workerData: { ...setup, mergeCacheSize: WORKER_MERGE_CACHE },
      resourceLimits: {
        maxYoungGenerationSizeMb: WORKER_YOUNG_MB,
        // A line as long as the cap is held as text and as its parsed row.
        maxOldGenerationSizeMb: WORKER_OLD_MB[setup.encoding],
      },
    });
    this.worker.on('message', (outcomes: string) => this.waiting.shift()?.resolve(outcomes));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`a validation worker exited (${code})`)));
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** The batch's outcomes as JSON (see scan-worker.ts). */
  examine(batch: LineBatch): Promise<string> {
    const outcomes = new Promise<string>((resolve, reject) => {
      if (this.failure) reject(this.failure);
      else this.waiting.push({ resolve, reject });
    });
    if (!this.failure) this.worker.postMessage(batch, batch.bytes ? [batch.bytes.buffer] : []);
    return outcomes;
  }

  stop(): Promise<number> {
    this.worker.removeAllListeners('exit');
    return this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
  }
}
