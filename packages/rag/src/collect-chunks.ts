// The read and split phases of ingestion: documents given as such and files to read become chunks.
// In-process, every source is read first (phase `read`, per source) and each document then split
// (phase `split`, per document). With DocumentWorkers, a file is read and split together in a
// worker thread (phase `read`, per source), and only the documents given as such are split here.
// Either way a run that would hold more than `maxChunks` chunks stops as soon as it passes that.
import { readFile } from 'node:fs/promises';
import type { RagDocument } from './rag-types.js';
import type { DocumentWorkers } from './document-workers.js';
import { TooManyChunksError, type EmptyDocumentError } from './etl-errors.js';
import { mapConcurrent } from './map-concurrent.js';
import type { BytesSource, DocumentSource, ReaderOptions } from './read-document.js';
import { readSources, skipReason, type SkippedSource } from './read-sources.js';
import { splitDocuments, type SplitOptions } from './split-documents.js';

export interface CollectOptions {
  readers?: ReaderOptions;
  split?: SplitOptions | false;
  skipUnreadable?: boolean;
  concurrency: number;
  /** Most chunks of one run. */
  maxChunks: number;
  workers?: DocumentWorkers;
  signal?: AbortSignal;
  progress: (phase: 'read' | 'split', done: number, total: number) => void;
}

export interface CollectedChunks {
  /** Documents read or given (sections, pages, items…), empty ones excluded. */
  documents: number;
  /** Documents per source name (`metadata.source`), for the ledger. */
  documentsBySource: Map<string, number>;
  chunks: RagDocument[];
  skipped: SkippedSource[];
}

export async function collectChunks(
  given: readonly RagDocument[],
  sources: readonly DocumentSource[],
  options: CollectOptions,
): Promise<CollectedChunks> {
  const chunks: RagDocument[] = [];
  let counted = 0;
  // Counted as soon as a file is split (files finish in any order); added in input order.
  const count = (more: number) => {
    counted += more;
    if (counted > options.maxChunks) throw new TooManyChunksError('', options.maxChunks, 'run');
  };
  const add = (more: readonly RagDocument[]) => {
    for (const chunk of more) chunks.push(chunk);
  };
  const { workers } = options;
  // A custom length function cannot cross into a thread: such a run splits in-process.
  const split = options.split;
  const inWorkers =
    workers !== undefined && (split === false || split?.lengthFunction === undefined);

  let documents = given.length;
  const documentsBySource = new Map<string, number>();
  const countDocuments = (source: string, more: number) =>
    documentsBySource.set(source, (documentsBySource.get(source) ?? 0) + more);
  const toSplit: RagDocument[] = [...given];
  const skipped: SkippedSource[] = [];
  if (sources.length > 0) options.progress('read', 0, sources.length);
  if (inWorkers) {
    let done = 0;
    const results = await mapConcurrent(
      sources,
      options.concurrency,
      async (source) => {
        const bytes = await toBytes(source);
        const result = await readInWorker(workers, bytes, options);
        if ('chunks' in result) {
          count(result.chunks.length);
          countDocuments(bytes.source ?? bytes.filename, result.documents);
        }
        options.progress('read', ++done, sources.length);
        return result;
      },
      options.signal,
    );
    for (const result of results)
      if ('skip' in result) skipped.push(result.skip);
      else {
        documents += result.documents;
        add(result.chunks);
      }
  } else {
    const read = await readSources(sources, {
      readers: options.readers,
      skipUnreadable: options.skipUnreadable,
      concurrency: options.concurrency,
      signal: options.signal,
      onRead: (done, total) => options.progress('read', done, total),
    });
    toSplit.push(...read.documents);
    documents += read.documents.length;
    for (const document of read.documents) countDocuments(sourceOf(document), 1);
    skipped.push(...read.skipped);
  }
  if (documents === 0) return { documents, documentsBySource, chunks, skipped };

  if (toSplit.length > 0) options.progress('split', 0, toSplit.length);
  // A file's documents (sections, pages) are split in one call, as the worker threads do, so that
  // small sections can merge with their neighbours the same way on both paths.
  let done = 0;
  for (const group of bySource(toSplit)) {
    const more = split === false ? group : await splitDocuments(group, split);
    count(more.length);
    add(more);
    done += group.length;
    options.progress('split', done, toSplit.length);
  }
  return { documents, documentsBySource, chunks, skipped };
}

async function readInWorker(
  workers: DocumentWorkers,
  source: BytesSource,
  options: CollectOptions,
): Promise<{ documents: number; chunks: RagDocument[] } | { skip: SkippedSource }> {
  const { split } = options;
  try {
    return await workers.readAndSplit(source, {
      readers: options.readers,
      split: split === false ? false : withoutLengthFunction(split),
      signal: options.signal,
    });
  } catch (error) {
    const reason = skipReason(error, options.skipUnreadable === true);
    if (reason === undefined) throw error;
    return { skip: { source: (error as EmptyDocumentError).source, reason } };
  }
}

function withoutLengthFunction(split: SplitOptions = {}): Omit<SplitOptions, 'lengthFunction'> {
  const { lengthFunction: _unused, ...rest } = split;
  return rest;
}

async function toBytes(source: DocumentSource): Promise<BytesSource> {
  if ('bytes' in source) return source;
  const { path, ...rest } = source;
  return { ...rest, bytes: new Uint8Array(await readFile(path)), filename: path };
}

function sourceOf(document: RagDocument): string {
  const source = document.metadata.source;
  return typeof source === 'string' ? source : '';
}

/** Consecutive documents of one source, in order. */
function bySource(documents: readonly RagDocument[]): RagDocument[][] {
  const groups: RagDocument[][] = [];
  for (const document of documents) {
    const last = groups.at(-1);
    if (last && sourceOf(last[0]!) === sourceOf(document)) last.push(document);
    else groups.push([document]);
  }
  return groups;
}
