// A DocumentWorkers double for the re-ingest tests: reads and splits in-process with the worker's
// own function (read-split-worker.ts) and records which sources it was asked to read, so a test
// can assert that an unchanged file was never read or split.
import type { DocumentWorkers } from '../document-workers.js';
import { fromFailure } from '../read-split-failure.js';
import readAndSplit from '../read-split-worker.js';

export interface CountingWorkers extends DocumentWorkers {
  /** Source names read, in call order. */
  readonly reads: string[];
}

export function createCountingWorkers(): CountingWorkers {
  const reads: string[] = [];
  return {
    reads,
    threads: 1,
    async readAndSplit(source, options = {}) {
      reads.push(source.source ?? source.filename);
      const result = await readAndSplit({ source, readers: options.readers, split: options.split });
      if (!result.ok) throw fromFailure(result.failure);
      return { documents: result.documents, chunks: result.chunks };
    },
    close: async () => undefined,
  };
}
