// The options, progress events and report of ingestDocuments (ingest-documents.ts), kept apart
// so the pipeline itself stays readable.
import type { EmbeddingModel } from '@repo/core';
import type { DocumentEnricher } from './enrich-documents.js';
import type { DocumentWorkers } from './document-workers.js';
import type { SourceLedger } from './ingest-ledger.js';
import type { PruneScope } from './ingest-replace.js';
import type { RagDocument, VectorStore } from './rag-types.js';
import type { DocumentSource, ReaderOptions } from './read-document.js';
import type { SkippedSource } from './read-sources.js';
import type { SplitOptions } from './split-documents.js';

/** `check`: sources hashed and compared with the ledger (only with a `ledger`). */
export type IngestPhase = 'check' | 'read' | 'split' | 'enrich' | 'embed' | 'store';

export interface IngestProgress {
  phase: IngestPhase;
  done: number;
  total: number;
  /** On `check`: sources found unchanged, which are neither read nor split. */
  unchanged?: number;
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
  /** Sources read (and split) in this run, and those skipped whole as unchanged (a `ledger`). */
  sources: { read: number; unchanged: number };
  /** Chunks deleted: those changed sources no longer produce, and all of pruned sources. */
  removed: number;
  /** Sources removed because a pruned re-ingest no longer had them. */
  pruned: string[];
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
  /**
   * Per-source memory between runs (createMemorySourceLedger, createFileSourceLedger): a source
   * whose bytes and settings hash as last time (and whose chunks the store still holds) is neither
   * read nor split; a changed one has the chunks it no longer produces deleted, by id, after its
   * new ones are stored. Without it every source is read and split, and nothing is deleted.
   */
  ledger?: SourceLedger;
  /** Recorded with each source in the ledger (e.g. `upload`, `folder`), for a scoped prune. */
  origin?: string;
  /**
   * With a ledger: remove the sources it knows in this scope that this run was not given (files
   * deleted from a folder). Off by default: a run given only some files removes nothing else.
   */
  prune?: PruneScope;
  signal?: AbortSignal;
  onProgress?: (event: IngestProgress) => void;
}
