// The read phase of ingestion: many files or uploads through `readDocument`, a few at a time,
// in input order. Empty files are skipped and reported; unsupported and corrupt ones fail the
// whole read, unless `skipUnreadable` (a folder of mixed files) turns them into skips as well.
import type { RagDocument } from './rag-types.js';
import {
  CorruptDocumentError,
  EmptyDocumentError,
  TooManyChunksError,
  UnsupportedDocumentTypeError,
} from './etl-errors.js';
import { mapConcurrent } from './map-concurrent.js';
import { readDocument, type DocumentSource, type ReaderOptions } from './read-document.js';

export interface SkippedSource {
  source: string;
  reason: string;
}

export interface ReadSourcesOptions {
  readers?: ReaderOptions;
  skipUnreadable?: boolean;
  /** Files read at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called after each source with how many are done. */
  onRead?: (done: number, total: number) => void;
}

export async function readSources(
  sources: readonly DocumentSource[],
  options: ReadSourcesOptions = {},
): Promise<{ documents: RagDocument[]; skipped: SkippedSource[] }> {
  let done = 0;
  const results = await mapConcurrent(
    sources,
    options.concurrency ?? 4,
    async (source) => {
      const result = await readOrSkip(source, options);
      options.onRead?.(++done, sources.length);
      return result;
    },
    options.signal,
  );
  const documents: RagDocument[] = [];
  const skipped: SkippedSource[] = [];
  for (const result of results) {
    if ('skip' in result) skipped.push(result.skip);
    else documents.push(...result.documents);
  }
  return { documents, skipped };
}

async function readOrSkip(
  source: DocumentSource,
  options: ReadSourcesOptions,
): Promise<{ documents: RagDocument[] } | { skip: SkippedSource }> {
  try {
    return { documents: await readDocument(source, options.readers) };
  } catch (error) {
    const reason = skipReason(error, options.skipUnreadable === true);
    if (reason === undefined) throw error;
    return { skip: { source: (error as EmptyDocumentError).source, reason } };
  }
}

/** Why a failed file is skipped rather than failing the run, or undefined when it fails the run. */
export function skipReason(error: unknown, skipUnreadable: boolean): string | undefined {
  if (error instanceof EmptyDocumentError) return error.reason;
  if (!skipUnreadable) return undefined;
  if (error instanceof UnsupportedDocumentTypeError) return 'unsupported file type';
  if (error instanceof CorruptDocumentError) return error.reason;
  if (error instanceof TooManyChunksError) return error.reason;
  return undefined;
}
