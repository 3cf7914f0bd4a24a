// The worker thread's side of document-workers.ts: one file read and split, off the app's event
// loop. Built to dist/read-split-worker.js, which Piscina loads; the main thread gets the chunks,
// or the reader's failure as data (read-split-failure.ts), never a thrown class it cannot rebuild.
import type { RagDocument } from './rag-types.js';
import { readDocument, type BytesSource, type ReaderOptions } from './read-document.js';
import { toFailure, type ReadSplitFailure } from './read-split-failure.js';
import { splitDocuments, type SplitOptions } from './split-documents.js';

export interface ReadSplitTask {
  source: BytesSource;
  readers?: ReaderOptions;
  /** Splitter settings without `lengthFunction` (a function cannot cross threads), or `false`. */
  split?: Omit<SplitOptions, 'lengthFunction'> | false;
}

export type ReadSplitResult =
  { ok: true; documents: number; chunks: RagDocument[] } | { ok: false; failure: ReadSplitFailure };

export default async function readAndSplit(task: ReadSplitTask): Promise<ReadSplitResult> {
  try {
    const documents = await readDocument(task.source, task.readers);
    const chunks = task.split === false ? documents : await splitDocuments(documents, task.split);
    return { ok: true, documents: documents.length, chunks };
  } catch (error) {
    return { ok: false, failure: toFailure(error, task.source.source ?? task.source.filename) };
  }
}
