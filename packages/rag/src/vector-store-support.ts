// What every VectorStore here shares: request defaults and checks, derived ids, batched
// embedding of the documents that carry no vector yet.
import { InvalidInputError, type EmbeddingModel } from '@repo/core';
import { contentId } from './content-hash.js';
import { embedInBatches } from './embed-in-batches.js';
import { resolveFilter } from './filter-predicate.js';
import { EmbeddingDimensionMismatchError, type EmbeddingSpace } from './rag-errors.js';
import type { FilterExpression, RagDocument, SearchRequest } from './rag-types.js';
import { resolveSearchMode, type ResolvedMode } from './search-modes.js';

/** Spring AI's default top-k. */
export const DEFAULT_TOP_K = 4;
/** Texts per embedding request unless the model allows fewer. */
export const DEFAULT_EMBEDDING_BATCH_SIZE = 64;

export interface ResolvedSearch extends ResolvedMode {
  topK: number;
  /** 0 keeps every hit, even the (rounding-)negative scores of unrelated documents. */
  threshold: number;
  filter: FilterExpression | undefined;
}

/** Applies the defaults and rejects a bad top-k, threshold or filter as InvalidInputError. */
export function resolveSearchRequest(request: SearchRequest): ResolvedSearch {
  const topK = request.topK ?? DEFAULT_TOP_K;
  const threshold = request.threshold ?? 0;
  checkWholeNumber('topK', topK, 1);
  if (!(threshold >= 0 && threshold <= 1)) invalid('threshold', 'must be between 0 and 1');
  if (typeof request.query === 'string' && request.query.trim() === '') {
    invalid('query', 'must not be empty');
  }
  const filter = request.filter === undefined ? undefined : resolveFilter(request.filter);
  return { topK, threshold, filter, ...resolveSearchMode(request, topK) };
}

/**
 * The document's id, or one derived from its content: content-hash.ts's UUID over the text and
 * the metadata (keys sorted), so re-adding a document upserts it while the same paragraph from two
 * sources stays two documents. (The ingestion pipeline sets its own ids from source and text.)
 */
export function deriveDocumentId(document: RagDocument): string {
  return document.id ?? contentId(stableJson(document.metadata), document.text);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** What a store embeds and indexes: the chunk with its `context` (title, headings) in front. */
export function indexedText(document: Pick<RagDocument, 'text' | 'context'>): string {
  const context = document.context?.trim();
  return context ? `${context}\n\n${document.text}` : document.text;
}

export interface EmbedOptions {
  batchSize?: number;
  /** Requested output size, for models that can shorten their vectors. */
  dimensions?: number;
  signal?: AbortSignal;
}

/** One vector per document: its own `embedding`, or the model's, asked in batches, in order. */
export async function embedDocuments(
  model: EmbeddingModel,
  documents: readonly RagDocument[],
  options: EmbedOptions = {},
): Promise<number[][]> {
  checkWholeNumber('batchSize', options.batchSize, 1);
  const batchSize = Math.min(
    options.batchSize ?? DEFAULT_EMBEDDING_BATCH_SIZE,
    model.maxBatchSize ?? Infinity,
  );
  const vectors: (number[] | undefined)[] = documents.map((document) => document.embedding);
  const missing = documents.flatMap((document, index) => {
    if (document.embedding !== undefined) return [];
    if (document.text.trim() === '')
      invalid(`documents[${index}].text`, 'is empty: nothing to embed');
    return [index];
  });
  // The pipeline's batcher, one request at a time; retries are the model's own.
  const { embeddings } = await embedInBatches(
    model,
    missing.map((index) => indexedText(documents[index] ?? { text: '' })),
    { batchSize, concurrency: 1, ...pick(options) },
  );
  missing.forEach((index, i) => (vectors[index] = embeddings[i]));
  return vectors.map((vector, index) => checkVector(vector ?? [], `documents[${index}].embedding`));
}

/** The query's vector: given, or embedded by the model. */
export async function embedQuery(
  model: EmbeddingModel,
  query: string | number[],
  options: Omit<EmbedOptions, 'batchSize'> = {},
): Promise<number[]> {
  if (typeof query !== 'string') return checkVector(query, 'query');
  const response = await model.embed({ input: [query], ...pick(options) });
  return checkVector(response.embeddings[0] ?? [], 'query');
}

/** Throws unless `got` has the recorded size and (when known) the recorded model. */
export function assertEmbeddingSpace(
  collection: string,
  recorded: EmbeddingSpace,
  got: EmbeddingSpace,
): void {
  const otherModel =
    got.embeddingModel !== undefined && got.embeddingModel !== recorded.embeddingModel;
  if (otherModel || got.dimensions !== recorded.dimensions) {
    throw new EmbeddingDimensionMismatchError(collection, recorded, got);
  }
}

function pick(options: EmbedOptions): { dimensions?: number; signal?: AbortSignal } {
  return {
    ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

function checkVector(vector: number[], field: string): number[] {
  if (vector.length === 0 || !vector.every(Number.isFinite)) {
    invalid(field, 'must be a non-empty array of finite numbers');
  }
  return vector;
}

/** Rejects an option that must be a whole number of at least `min` (undefined passes). */
export function checkWholeNumber(field: string, value: number | undefined, min: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= min)) {
    invalid(field, `must be a whole number of at least ${min}`);
  }
}

function invalid(field: string, reason: string): never {
  throw new InvalidInputError(`Invalid ${field}: ${reason}`, [{ field, reason }]);
}
