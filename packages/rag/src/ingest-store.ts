// The write of ingestDocuments: the chunks the store lacks are enriched, embedded in batches and
// written in one `store.add`, so a failure before the write leaves the store as it was.
import type { RagDocument } from './rag-types.js';
import { countTokens } from './count-tokens.js';
import { embedInBatches } from './embed-in-batches.js';
import type { IngestOptions, IngestPhase } from './ingest-options.js';

export type Progress = (
  phase: IngestPhase,
  done: number,
  total: number,
  unchanged?: number,
) => void;

/** Enriches and embeds the chunks the store lacks, then writes them in one `store.add`. */
export async function storeFresh(
  chunks: RagDocument[],
  options: IngestOptions,
  concurrency: number,
  progress: Progress,
): Promise<{ stored: number; tokens: number }> {
  const { signal } = options;
  let fresh = chunks;
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
  return { stored: fresh.length, tokens };
}
