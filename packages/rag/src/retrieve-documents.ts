// Retrieval from a vector store (Spring AI's VectorStoreDocumentRetriever): top-k, a similarity
// threshold, the search mode (vector, lexical, hybrid) with its relevance cut-off, and a metadata
// filter, static or per request. The per-request filter comes from the
// advisor context (`RAG_CONTEXT_KEYS.filter`), so one shared advisor can serve a user who may only
// see their own documents: `.advisorContext({ 'rag.filter': "owner == 'ann'" })`.
import { InvalidInputError } from '@repo/core';
import { RAG_CONTEXT_KEYS } from './modular-rag-types.js';
import type { DocumentRetriever, RagQuery } from './modular-rag-types.js';
import type {
  FilterExpression,
  RelevanceFloors,
  SearchMode,
  SearchRequest,
  VectorStore,
} from './rag-types.js';

export type RetrieverFilter = string | FilterExpression;

export interface VectorStoreDocumentRetrieverOptions {
  vectorStore: VectorStore;
  /** Default 4 (Spring AI's). */
  topK?: number;
  /** Minimum similarity 0–1 (default 0: no threshold). */
  similarityThreshold?: number;
  /** `vector` (the store's default), `lexical` or `hybrid` (memory and pgvector stores). */
  mode?: SearchMode;
  /** Hybrid: weights of the vector and lexical ranks. */
  weights?: SearchRequest['weights'];
  /** The relevance cut-off (SearchRequest.minRelevance); lexical and hybrid have a default. */
  minRelevance?: RelevanceFloors;
  /**
   * A filter for every query, or a function of the query (it sees `query.context`). A filter in
   * the request's advisor context replaces it.
   */
  filter?: RetrieverFilter | ((query: RagQuery) => RetrieverFilter | undefined);
}

export function createVectorStoreDocumentRetriever(
  options: VectorStoreDocumentRetrieverOptions,
): DocumentRetriever {
  const { vectorStore, topK, similarityThreshold, mode, weights, minRelevance } = options;
  return async (query, stage) => {
    const filter = requestFilter(query) ?? staticFilter(options.filter, query);
    const request: SearchRequest = { query: query.text };
    if (topK !== undefined) request.topK = topK;
    if (similarityThreshold !== undefined) request.threshold = similarityThreshold;
    if (mode !== undefined) request.mode = mode;
    if (weights !== undefined) request.weights = weights;
    if (minRelevance !== undefined) request.minRelevance = minRelevance;
    if (filter !== undefined) request.filter = filter;
    if (stage?.signal) request.signal = stage.signal;
    return vectorStore.similaritySearch(request);
  };
}

function staticFilter(
  filter: VectorStoreDocumentRetrieverOptions['filter'],
  query: RagQuery,
): RetrieverFilter | undefined {
  return typeof filter === 'function' ? filter(query) : filter;
}

// A context value comes from the caller's request, so its type is checked here rather than
// trusted: a number or an array would otherwise fail deep inside a store's filter translator.
function requestFilter(query: RagQuery): RetrieverFilter | undefined {
  const value = query.context?.get(RAG_CONTEXT_KEYS.filter);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' || (typeof value === 'object' && 'type' in value))
    return value as RetrieverFilter;
  const reason = 'must be a filter expression string or a parsed filter';
  throw new InvalidInputError(`Invalid ${RAG_CONTEXT_KEYS.filter}: ${reason}`, [
    { field: 'filter', reason },
  ]);
}
