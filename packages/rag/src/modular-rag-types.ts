// The vocabulary of modular RAG (Spring AI's `Query`, `QueryTransformer`, `QueryExpander`,
// `DocumentRetriever`, `DocumentJoiner`, `DocumentPostProcessor` and `QueryAugmenter`). Each stage
// is a plain function, so a custom stage is a lambda and stages compose without classes.
import type { Message } from '@repo/core';
import type { ScoredDocument } from './rag-types.js';

/** A question on its way to the vector store (Spring AI's `Query`). */
export interface RagQuery {
  text: string;
  /** Earlier turns of the conversation (what the compression transformer condenses). */
  history?: readonly Message[];
  /** The advisor context of the request: a per-request filter, a conversation id. */
  context?: ReadonlyMap<string, unknown>;
}

export interface RagStageOptions {
  signal?: AbortSignal;
}

/** Rewrites one query into another (rewrite, compression, translation). */
export type QueryTransformer = (query: RagQuery, options?: RagStageOptions) => Promise<RagQuery>;

/** Turns one query into several (multi-query); each is retrieved separately. */
export type QueryExpander = (query: RagQuery, options?: RagStageOptions) => Promise<RagQuery[]>;

/** Ranked documents for one query, best first. */
export type DocumentRetriever = (
  query: RagQuery,
  options?: RagStageOptions,
) => Promise<ScoredDocument[]>;

/** Merges ranked lists (one per query and retriever) into one ranked list. */
export type DocumentJoiner = (
  rankedLists: readonly (readonly ScoredDocument[])[],
) => ScoredDocument[];

/** Reranks, filters or compresses the joined documents (Spring AI's DocumentPostProcessor). */
export type DocumentPostProcessor = (
  query: RagQuery,
  documents: ScoredDocument[],
) => ScoredDocument[] | Promise<ScoredDocument[]>;

/**
 * What augmentation decided: a prompt to send in place of the user's text, or an answer to give
 * without calling the model (the empty-context policy).
 */
export type AugmentResult = { type: 'prompt'; text: string } | { type: 'answer'; text: string };

export type QueryAugmenter = (
  query: RagQuery,
  documents: readonly ScoredDocument[],
) => AugmentResult;

/** Where an answer came from: one entry per distinct source/page/section, in rank order. */
export interface Citation {
  source: string;
  page?: number;
  section?: string;
  /** The retrieval score of the best-ranked chunk from this place (similarity, or RRF when fused). */
  score: number;
}

/** Keys the RAG advisors read from and write to the advisor context. */
export const RAG_CONTEXT_KEYS = {
  /** In: a filter (portable language or AST) for this request only; overrides the static one. */
  filter: 'rag.filter',
  /** Out: `ScoredDocument[]` that went into the prompt (Spring AI's `qa_retrieved_documents`). */
  documents: 'rag.documents',
  /** Out: `Citation[]` for those documents. */
  citations: 'rag.citations',
} as const;
