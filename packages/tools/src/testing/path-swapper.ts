// A test helper for TOCTOU races: a worker thread swaps a path inside a confined root between its
// real self (a file or folder) and a symbolic link to something outside, as fast as it can, while
// the test reads through the confinement. Each swap is a rename over the path, so the path always
// exists; the parked copy and the link being prepared get hidden names (`.name.swap-…`) beside
// it, which listings skip. Used by the tools' own race test and by rag-demo's ingest race test.
import { Worker } from 'node:worker_threads';

export interface PathSwapperOptions {
  /** The path inside the root that is swapped: an existing folder, or a file (re-written each swap). */
  target: string;
  /** What the link points to while swapped in: a file or folder outside the root. */
  outside: string;
  kind: 'file' | 'directory';
  /** For `file`: the content the real file has (written before each swap back). */
  content?: string;
}

export interface PathSwapper {
  /** Swaps so far (each one a rename over `target`). */
  swaps(): number;
  /** Stops after the current swap, leaves `target` real, and resolves with the number of swaps. */
  stop(): Promise<number>;
}

// CommonJS evaluated in the worker: this file also runs from src (Vitest), where no built
// worker file exists next to it.
const SWAPPER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { target, outside, kind, content, control } = workerData;
const flags = new Int32Array(control);
const hidden = (suffix) => path.join(path.dirname(target), '.' + path.basename(target) + suffix);
const link = hidden('.swap-link');
const parked = hidden('.swap-parked');
while (Atomics.load(flags, 0) === 0) {
  if (kind === 'file') {
    fs.symlinkSync(outside, link);
    fs.renameSync(link, target);
    fs.writeFileSync(parked, content);
    fs.renameSync(parked, target);
  } else {
    fs.renameSync(target, parked);
    fs.symlinkSync(outside, link);
    fs.renameSync(link, target);
    fs.renameSync(target, link);
    fs.renameSync(parked, target);
    fs.unlinkSync(link);
  }
  Atomics.add(flags, 1, 2);
}
`;

export function startPathSwapper(options: PathSwapperOptions): PathSwapper {
  const control = new SharedArrayBuffer(8);
  const flags = new Int32Array(control);
  const worker = new Worker(SWAPPER, {
    eval: true,
    workerData: { ...options, content: options.content ?? '', control },
  });
  const exited = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', () => resolve());
  });
  // A failed swap surfaces from stop(), not as an unhandled rejection in the middle of a test.
  exited.catch(() => undefined);
  return {
    swaps: () => Atomics.load(flags, 1),
    async stop() {
      Atomics.store(flags, 0, 1);
      await exited;
      return Atomics.load(flags, 1);
    },
  };
}
