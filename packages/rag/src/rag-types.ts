// The shapes every part of @repo/rag shares (Spring AI's Document, VectorStore, SearchRequest and
// Filter.Expression): readers and splitters produce documents, the pipeline and stores consume
// them, retrieval and the advisors read scored results.

/** A piece of text and where it came from (`source`, `page`, `section`, … in `metadata`). */
export interface RagDocument {
  /** Stable id; stores derive one from the content hash when absent. */
  id?: string;
  /** The chunk itself: what search returns and prompts quote. */
  text: string;
  /**
   * Text put in front of the chunk for embedding and lexical indexing only (document title,
   * heading path, source name): stores embed and index `context + "\n\n" + text`, return `text`
   * unchanged, and return `context` in its own field.
   */
  context?: string;
  metadata: Record<string, unknown>;
  /** Precomputed embedding; stores embed documents that have none. */
  embedding?: number[];
}

/** A search hit: the document with its similarity (cosine, 0–1, higher is closer). */
export interface ScoredDocument {
  id: string;
  text: string;
  /** The document's `context`, when it had one (it was embedded and indexed, never part of text). */
  context?: string;
  metadata: Record<string, unknown>;
  score: number;
}

export type FilterValue = string | number | boolean | null;

/** The AST of Spring AI's portable filter language (`genre == 'drama' && year >= 2020`). */
export type FilterExpression =
  | { type: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { type: 'not'; operand: FilterExpression }
  | {
      type: 'compare';
      op: '==' | '!=' | '>' | '>=' | '<' | '<=';
      key: string;
      value: FilterValue;
    }
  | { type: 'in' | 'nin'; key: string; values: FilterValue[] };

export interface SearchRequest {
  /** The query text (embedded by the store's model), or its embedding. */
  query: string | number[];
  /** Default 4 (Spring AI's default). */
  topK?: number;
  /** Minimum similarity, 0–1 (default 0: everything). */
  threshold?: number;
  /** A filter in the portable language, or its parsed AST. */
  filter?: string | FilterExpression;
  signal?: AbortSignal;
}

export type DeleteTarget = { ids: string[] } | { filter: string | FilterExpression };

export interface VectorStore {
  /** e.g. `pgvector:docs`, `memory`, `langchain:qdrant`. */
  readonly name: string;
  /** Embeds what has no embedding (in batches) and upserts by id; returns the ids. */
  add(documents: readonly RagDocument[], options?: { signal?: AbortSignal }): Promise<string[]>;
  /** Returns how many were deleted. */
  delete(target: DeleteTarget): Promise<number>;
  similaritySearch(request: SearchRequest): Promise<ScoredDocument[]>;
  /** Which of these ids the store holds, so ingestion skips known chunks (no re-embedding). */
  existingIds?(ids: readonly string[]): Promise<Set<string>>;
}
