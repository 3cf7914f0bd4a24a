// An in-memory VectorStore (Spring AI's SimpleVectorStore): exact cosine search over a Map, for
// tests, demos and small corpora, with BM25 lexical and hybrid search (lexical-bm25.ts). Same
// behaviour as the pgvector store: upsert by id, threshold, top-k, the portable filter language
// (as a predicate), one embedding space per store.
import type { EmbeddingModel } from '@repo/core';
import { resolveFilter, toFilterPredicate } from './filter-predicate.js';
import { LexicalIndex } from './lexical-bm25.js';
import { rankBranches } from './memory-vector-store-branches.js';
import { fuseBranches } from './rank-fusion.js';
import type {
  DeleteTarget,
  RagDocument,
  ScoredDocument,
  SearchRequest,
  VectorStore,
} from './rag-types.js';
import {
  assertEmbeddingSpace,
  deriveDocumentId,
  embedDocuments,
  embedQuery,
  indexedText,
  resolveSearchRequest,
} from './vector-store-support.js';

export interface MemoryVectorStoreOptions {
  embeddingModel: EmbeddingModel;
  /** Texts per embedding request (default 64, capped by the model's `maxBatchSize`). */
  batchSize?: number;
  /** Output size to request from models that can shorten vectors. */
  dimensions?: number;
}

interface Entry {
  id: string;
  text: string;
  context: string | undefined;
  metadata: Record<string, unknown>;
  vector: number[];
  norm: number;
}

export function createMemoryVectorStore(options: MemoryVectorStoreOptions): VectorStore {
  const { embeddingModel: model } = options;
  const entries = new Map<string, Entry>();
  const lexicalIndex = new LexicalIndex();
  // Learned from the first vector, like the pgvector store's collection record.
  let dimensions: number | undefined;

  // `expected` is the size this batch must have; the store learns it only once the batch is in,
  // so a refused first batch does not lock an empty store to a wrong size.
  function checkSpace(vector: number[], fromModel: boolean, expected = dimensions): void {
    assertEmbeddingSpace(
      'memory',
      { embeddingModel: model.modelId, dimensions: expected ?? vector.length },
      { embeddingModel: fromModel ? model.modelId : undefined, dimensions: vector.length },
    );
  }

  function remove(id: string): boolean {
    lexicalIndex.delete(id);
    return entries.delete(id);
  }

  return {
    name: 'memory',

    async add(documents: readonly RagDocument[], addOptions = {}): Promise<string[]> {
      const vectors = await embedDocuments(model, documents, { ...options, ...addOptions });
      const expected = dimensions ?? vectors[0]?.length;
      vectors.forEach((vector, index) =>
        checkSpace(vector, documents[index]?.embedding === undefined, expected),
      );
      if (vectors.length > 0) dimensions = expected;
      return documents.map((document, index) => {
        const id = deriveDocumentId(document);
        const vector = vectors[index] ?? [];
        // Copies: a caller editing its objects later must not change what was stored.
        lexicalIndex.set(id, indexedText(document));
        entries.set(id, {
          id,
          text: document.text,
          context: document.context?.trim() || undefined,
          metadata: structuredClone(document.metadata),
          vector: [...vector],
          norm: Math.hypot(...vector),
        });
        return id;
      });
    },

    async existingIds(ids: readonly string[]): Promise<Set<string>> {
      return new Set(ids.filter((id) => entries.has(id)));
    },

    async delete(target: DeleteTarget): Promise<number> {
      if ('ids' in target) return target.ids.filter((id) => remove(id)).length;
      const matches = toFilterPredicate(resolveFilter(target.filter));
      const doomed = [...entries.values()].filter((entry) => matches(entry.metadata));
      for (const entry of doomed) remove(entry.id);
      return doomed.length;
    },

    async similaritySearch(request: SearchRequest): Promise<ScoredDocument[]> {
      const resolved = resolveSearchRequest(request);
      const { topK, filter, mode } = resolved;
      const matches = filter === undefined ? () => true : toFilterPredicate(filter);
      const candidates = [...entries.values()].filter((entry) => matches(entry.metadata));
      if (mode === 'lexical' || mode === 'hybrid') {
        const lexical = lexicalIndex.scorer(request.query as string);
        const cosineOf = mode === 'hybrid' ? await queryCosine(request) : undefined;
        if (mode === 'hybrid' && cosineOf === undefined) return [];
        return fuseBranches(rankBranches(candidates, lexical, cosineOf, resolved.depth), resolved);
      }
      const cosineOf = await queryCosine(request);
      if (cosineOf === undefined) return [];
      const minimum = Math.max(resolved.threshold, resolved.floors.vector ?? 0);
      return candidates
        .map((entry) => ({ entry, score: cosineOf(entry) }))
        .filter(({ score }) => minimum === 0 || score >= minimum)
        .sort((a, b) => b.score - a.score)
        .slice(0, topK)
        .map(({ entry, score }) => ({
          id: entry.id,
          text: entry.text,
          ...(entry.context === undefined ? {} : { context: entry.context }),
          metadata: structuredClone(entry.metadata),
          score,
        }));
    },
  };

  /** Cosine against the query, or undefined while nothing is stored (nothing fixes the size). */
  async function queryCosine(
    request: SearchRequest,
  ): Promise<((entry: Entry) => number) | undefined> {
    const query = await embedQuery(model, request.query, {
      dimensions: options.dimensions,
      signal: request.signal,
    });
    if (dimensions === undefined) return undefined;
    checkSpace(query, typeof request.query === 'string');
    const queryNorm = Math.hypot(...query);
    return (entry) => cosine(entry, query, queryNorm);
  }
}

// A zero vector has no direction: similarity 0 rather than NaN.
function cosine(entry: Entry, query: number[], queryNorm: number): number {
  if (entry.norm === 0 || queryNorm === 0) return 0;
  let dot = 0;
  for (let i = 0; i < query.length; i++) dot += (entry.vector[i] ?? 0) * (query[i] ?? 0);
  return dot / (entry.norm * queryNorm);
}
