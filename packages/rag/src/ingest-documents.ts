// The ingestion pipeline (Spring AI's ETL: DocumentReader → DocumentTransformer → DocumentWriter):
// read → split → (enrich) → embed → store, with progress events and a report of what happened.
//
// Idempotent by content: a chunk's id is a hash of its source and text (content-hash.ts), so the
// same file twice stores nothing new. When the store can say which ids it already holds (an
// `existingIds` capability or option), known chunks are neither enriched nor embedded again and
// are reported `unchanged`; otherwise they are re-embedded and upserted onto themselves.
//
// All or nothing: every chunk is embedded before the first write, and the write is one
// `store.add` (a transaction in the pgvector store), so a failure in any phase leaves the store
// as it was. The price is holding all of one run's vectors in memory (~1.5 KB per chunk at 384
// dimensions): for a corpus too big for that, ingest it in slices (per file or folder); each slice
// is atomic, and because ids are content hashes a failed slice is simply run again.
//
// The seed's endpoint said "success" after ingesting nothing; here a run where every source was
// skipped throws NothingToIngestError, and the report always carries the counts.
import { AbortedError, type EmbeddingModel } from '@repo/core';
import type { RagDocument, VectorStore } from './rag-types.js';
import { contentId } from './content-hash.js';
import { countTokens } from './count-tokens.js';
import type { DocumentEnricher } from './enrich-documents.js';
import { embedInBatches } from './embed-in-batches.js';
import { NothingToIngestError } from './etl-errors.js';
import { collectChunks } from './collect-chunks.js';
import type { DocumentWorkers } from './document-workers.js';
import type { DocumentSource, ReaderOptions } from './read-document.js';
import type { SkippedSource } from './read-sources.js';
import type { SplitOptions } from './split-documents.js';

export type IngestPhase = 'read' | 'split' | 'enrich' | 'embed' | 'store';

export interface IngestProgress {
  phase: IngestPhase;
  done: number;
  total: number;
}

export type IngestSkip = SkippedSource;

/** Chunks one run may hold (each chunk and its vector stay in memory until the one write). */
export const DEFAULT_MAX_CHUNKS = 50_000;

export interface IngestReport {
  /** Documents read (sections, pages, items…) after empty ones were skipped. */
  documents: number;
  chunks: number;
  /** Chunks written to the store in this run. */
  added: number;
  /** Chunks the store already held, or that repeated earlier chunks of this run. */
  unchanged: number;
  skipped: IngestSkip[];
  /** Embedding tokens of the added chunks (the provider's count; o200k when the store embedded). */
  tokens: number;
  /** Ids of every distinct chunk, added or unchanged, in reading order. */
  ids: string[];
}

/**
 * Optional store capability: which of these ids it already holds. Called once per run with every
 * chunk id, so an implementation over SQL should query in slices.
 */
export interface ExistingIdsLookup {
  existingIds(ids: readonly string[]): Promise<Iterable<string>>;
}

export interface IngestOptions {
  store: VectorStore;
  /** Documents already read (their `metadata.source` goes into the content hash). */
  documents?: readonly RagDocument[];
  /** Files or uploads to read with `readDocument`. */
  sources?: readonly DocumentSource[];
  readers?: ReaderOptions;
  /** Splitter settings, or `false` to store documents whole (default: 512-token chunks). */
  split?: SplitOptions | false;
  /** Run in order on the new chunks only. */
  enrich?: readonly DocumentEnricher[];
  /**
   * Embed here (batches, concurrency, progress); without it `store.add` embeds. Retries are the
   * model's own (@repo/providers' `retry.maxRetries`): this pipeline does not retry a batch.
   */
  embeddingModel?: EmbeddingModel;
  /** Texts per embedding request (default 64). */
  batchSize?: number;
  /** Embedding requests and file reads in flight (default 4). */
  concurrency?: number;
  /** Which ids the store already holds; default: the store's own `existingIds`, if it has one. */
  existingIds?: ExistingIdsLookup['existingIds'];
  /** Report unsupported, corrupt and too large files as skipped instead of failing (a folder). */
  skipUnreadable?: boolean;
  /**
   * Read and split each source in these worker threads (createDocumentWorkers): off the event
   * loop, with a time and memory bound per file. Without them, reading and splitting run here.
   */
  workers?: DocumentWorkers;
  /** Most chunks of one run (default 50,000); more is a TooManyChunksError, before any embedding. */
  maxChunks?: number;
  signal?: AbortSignal;
  onProgress?: (event: IngestProgress) => void;
}

export async function ingestDocuments(options: IngestOptions): Promise<IngestReport> {
  const { signal } = options;
  const progress = (phase: IngestPhase, done: number, total: number) => {
    if (signal?.aborted) throw new AbortedError();
    options.onProgress?.({ phase, done, total });
  };
  const concurrency = options.concurrency ?? 4;
  const skipped: IngestSkip[] = [];

  const given: RagDocument[] = [];
  for (const document of options.documents ?? []) {
    if (document.text.trim() === '')
      skipped.push({ source: sourceOf(document), reason: 'it contains no text' });
    else given.push(document);
  }
  const collected = await collectChunks(given, options.sources ?? [], {
    readers: options.readers,
    split: options.split,
    skipUnreadable: options.skipUnreadable,
    concurrency,
    maxChunks: options.maxChunks ?? DEFAULT_MAX_CHUNKS,
    workers: options.workers,
    signal,
    progress,
  });
  skipped.push(...collected.skipped);
  if (collected.documents === 0) throw new NothingToIngestError(skipped);
  const { chunks } = collected;

  const unique = new Map<string, RagDocument>();
  for (const chunk of chunks) {
    const id = contentId(sourceOf(chunk), chunk.text);
    if (!unique.has(id)) unique.set(id, { ...chunk, id });
  }
  const ids = [...unique.keys()];
  const lookup = options.existingIds ?? storeLookup(options.store);
  const existing = new Set(lookup ? await lookup(ids) : []);
  let fresh = [...unique.values()].filter((chunk) => !existing.has(chunk.id!));

  const enrichers = options.enrich ?? [];
  if (fresh.length > 0 && enrichers.length > 0) {
    const freshIds = fresh.map((chunk) => chunk.id);
    progress('enrich', 0, enrichers.length);
    for (const [index, enricher] of enrichers.entries()) {
      // Enrichers only add metadata: the id stays the hash of the text that was read.
      fresh = (await enricher.enrich(fresh, { signal })).map((chunk, i) => ({
        ...chunk,
        id: freshIds[i],
      }));
      progress('enrich', index + 1, enrichers.length);
    }
  }

  let tokens: number;
  if (fresh.length > 0 && options.embeddingModel) {
    progress('embed', 0, fresh.length);
    const embedded = await embedInBatches(
      options.embeddingModel,
      fresh.map((chunk) => chunk.text),
      {
        batchSize: options.batchSize ?? 64,
        concurrency,
        signal,
        onBatch: (done) => progress('embed', done, fresh.length),
      },
    );
    fresh = fresh.map((chunk, i) => ({ ...chunk, embedding: embedded.embeddings[i] }));
    tokens = embedded.tokens;
  } else {
    tokens = fresh.reduce((sum, chunk) => sum + countTokens(chunk.text), 0);
  }

  if (fresh.length > 0) {
    progress('store', 0, fresh.length);
    await options.store.add(fresh, { signal });
    progress('store', fresh.length, fresh.length);
  }
  return {
    documents: collected.documents,
    chunks: chunks.length,
    added: fresh.length,
    unchanged: chunks.length - fresh.length,
    skipped,
    tokens,
    ids,
  };
}

function sourceOf(document: RagDocument): string {
  const source = document.metadata.source;
  return typeof source === 'string' ? source : '';
}

function storeLookup(store: VectorStore): ExistingIdsLookup['existingIds'] | undefined {
  return store.existingIds ? (ids) => store.existingIds!(ids) : undefined;
}
