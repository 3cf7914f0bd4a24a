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
  /**
   * Cosine similarity in `vector` mode (0–1); BM25 in `lexical` mode; in `hybrid` mode the
   * reciprocal-rank-fusion score scaled so that 1 = ranked first by every weighted branch.
   */
  score: number;
  /** Lexical and hybrid hits: the evidence behind the score, what the relevance cut-off reads. */
  signals?: SearchSignals;
}

/** Per-hit evidence: cosine similarity, BM25, and the idf-weighted share of query terms held. */
export interface SearchSignals {
  cosine?: number;
  bm25: number;
  /** 0–1: Σ idf of the query terms the document holds / Σ idf of all query terms. */
  coverage: number;
}

/**
 * `vector`: embeddings only (every store). `lexical`: BM25 over tokenize-text.ts's terms.
 * `hybrid`: both, fused by reciprocal rank fusion. Lexical and hybrid need a query text.
 */
export type SearchMode = 'vector' | 'lexical' | 'hybrid';

/**
 * The relevance cut-off: a hit is kept when it meets any floor that is set — cosine ≥ `vector`,
 * or lexical coverage ≥ `lexical` (see SearchSignals). `{}` keeps every hit.
 */
export interface RelevanceFloors {
  vector?: number;
  lexical?: number;
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
  /** Minimum cosine similarity, 0–1 (default 0: everything); in hybrid mode too, not in lexical. */
  threshold?: number;
  /** A filter in the portable language, or its parsed AST; it applies to every branch. */
  filter?: string | FilterExpression;
  /** Default `vector` (DEFAULT_SEARCH_MODE); the LangChain adapter supports `vector` only. */
  mode?: SearchMode;
  /** Hybrid: weight of each branch's reciprocal rank (default 1 and 1). */
  weights?: { vector: number; lexical: number };
  /** Hybrid: the k of weight / (k + rank) (default 60, DEFAULT_RRF_K). */
  rrfK?: number;
  /**
   * Relevance cut-off, applied before top-k. Default in lexical and hybrid modes:
   * DEFAULT_MIN_RELEVANCE; in vector mode none (`threshold` as before; a `vector` floor here
   * acts the same).
   */
  minRelevance?: RelevanceFloors;
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
