// The ingestion pipeline (Spring AI's ETL: DocumentReader → DocumentTransformer → DocumentWriter):
// read → split → (enrich) → embed → store, with progress events and a report of what happened.
//
// Re-ingest with a ledger (ingest-ledger.ts): a source whose bytes and settings hash as last time
// is neither read nor split (`sources.unchanged`); a changed one gets its new chunks stored first
// and then loses, by id, the ones it no longer produces (ingest-replace.ts), so a crash between
// the two leaves it with old and new chunks, never with none, and the next run finishes the job.
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
import { AbortedError } from '@repo/core';
import type { RagDocument, VectorStore } from './rag-types.js';
import { contentId } from './content-hash.js';
import { NothingToIngestError } from './etl-errors.js';
import { collectChunks } from './collect-chunks.js';
import { sourceName } from './content-hash-source.js';
import type { DocumentSource } from './read-document.js';
import { planSources, type SourcePlan } from './ingest-plan.js';
import { replaceStale } from './ingest-replace.js';
import { storeFresh, type Progress } from './ingest-store.js';
import type { LedgerEntry } from './ingest-ledger.js';
import {
  DEFAULT_MAX_CHUNKS,
  type ExistingIdsLookup,
  type IngestOptions,
  type IngestReport,
  type IngestSkip,
} from './ingest-options.js';

export { DEFAULT_MAX_CHUNKS } from './ingest-options.js';
export type {
  ExistingIdsLookup,
  IngestOptions,
  IngestPhase,
  IngestProgress,
  IngestReport,
  IngestSkip,
} from './ingest-options.js';

export async function ingestDocuments(options: IngestOptions): Promise<IngestReport> {
  const { signal, ledger } = options;
  const progress: Progress = (phase, done, total, unchanged) => {
    if (signal?.aborted) throw new AbortedError();
    options.onProgress?.(
      unchanged === undefined ? { phase, done, total } : { phase, done, total, unchanged },
    );
  };
  const concurrency = options.concurrency ?? 4;
  const skipped: IngestSkip[] = [];
  const lookup = options.existingIds ?? storeLookup(options.store);

  const given: RagDocument[] = [];
  for (const document of options.documents ?? []) {
    if (document.text.trim() === '')
      skipped.push({ source: sourceOf(document), reason: 'it contains no text' });
    else given.push(document);
  }
  const sources = options.sources ?? [];
  let plan: SourcePlan | undefined;
  if (ledger && sources.length > 0) {
    progress('check', 0, sources.length);
    const settings = { readers: options.readers, split: options.split };
    plan = await planSources(sources, { ledger, lookup, settings, signal });
    progress('check', sources.length, sources.length, plan.unchanged.length);
  }
  const unchangedSources = plan?.unchanged ?? [];
  const collected = await collectChunks(given, plan ? plan.toRead.map((s) => s.source) : sources, {
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
  if (collected.documents === 0 && unchangedSources.length === 0 && options.prune === undefined)
    throw new NothingToIngestError(skipped);
  const { chunks } = collected;

  const unique = new Map<string, RagDocument>();
  const produced = new Map<string, Omit<LedgerEntry, 'hash' | 'origin'>>();
  for (const chunk of chunks) {
    const source = sourceOf(chunk);
    const id = contentId(source, chunk.text);
    const made = produced.get(source) ?? { ids: [], documents: 0, chunks: 0 };
    if (!unique.has(id)) made.ids.push(id);
    made.chunks++;
    produced.set(source, made);
    if (!unique.has(id)) unique.set(id, { ...chunk, id });
  }
  for (const [source, documents] of collected.documentsBySource) {
    const made = produced.get(source);
    if (made) made.documents = documents;
  }
  const existing = new Set(lookup && unique.size > 0 ? await lookup([...unique.keys()]) : []);
  const fresh = [...unique.values()].filter((chunk) => !existing.has(chunk.id!));
  const { stored, tokens } = await storeFresh(fresh, options, concurrency, progress);

  const replaced = ledger
    ? await replaceStale({
        store: options.store,
        ledger,
        read: plan?.toRead ?? [],
        produced,
        present: new Set([
          ...(plan?.toRead ?? []).map((s) => s.name),
          ...unchangedSources.map((s) => s.name),
        ]),
        prune: options.prune,
        origin: options.origin,
      })
    : { removed: 0, pruned: [] };
  const kept = unchangedSources.map((s) => s.entry);
  const total = chunks.length + kept.reduce((sum, entry) => sum + entry.chunks, 0);
  return {
    documents: collected.documents + kept.reduce((sum, entry) => sum + entry.documents, 0),
    chunks: total,
    added: stored,
    unchanged: total - stored,
    skipped,
    tokens,
    ids: plan ? idsInOrder(unique, produced, plan, sources) : [...unique.keys()],
    sources: { read: plan ? plan.toRead.length : sources.length, unchanged: kept.length },
    removed: replaced.removed,
    pruned: replaced.pruned,
  };
}

/** Every distinct id in reading order: documents given as such, then each source, unchanged or read. */
function idsInOrder(
  unique: ReadonlyMap<string, RagDocument>,
  produced: ReadonlyMap<string, { ids: string[] }>,
  plan: SourcePlan,
  sources: readonly DocumentSource[],
): string[] {
  const names = sources.map(sourceName);
  const known = new Set(names);
  const kept = new Map(plan.unchanged.map((item) => [item.name, item.entry.ids]));
  const ids = [...unique.values()].filter((c) => !known.has(sourceOf(c))).map((c) => c.id!);
  for (const name of names) ids.push(...(kept.get(name) ?? produced.get(name)?.ids ?? []));
  return [...new Set(ids)];
}

function sourceOf(document: RagDocument): string {
  const source = document.metadata.source;
  return typeof source === 'string' ? source : '';
}

function storeLookup(store: VectorStore): ExistingIdsLookup['existingIds'] | undefined {
  return store.existingIds ? (ids) => store.existingIds!(ids) : undefined;
}
