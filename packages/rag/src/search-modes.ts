// The defaults and checks of lexical and hybrid search, in one place: the search mode, the
// reciprocal-rank-fusion constants and the relevance cut-off's floors (whose calibration is the
// labelled retrieval set's job: change DEFAULT_MIN_RELEVANCE here and nowhere else).
import { InvalidInputError } from '@repo/core';
// Reciprocal rank fusion's k, 60 as in the multi-query joiner (join-documents.ts).
import { DEFAULT_RRF_K } from './join-documents.js';
import type { RelevanceFloors, SearchMode, SearchRequest } from './rag-types.js';

/**
 * Vector unless asked: lexical and hybrid change scores and order, and existing callers compare
 * `score` with cosine thresholds.
 */
export const DEFAULT_SEARCH_MODE: SearchMode = 'vector';
/** Candidates each branch ranks before fusion (at least top-k). */
export const FUSION_CANDIDATES = 50;
/**
 * The relevance cut-off of lexical and hybrid search: keep a hit whose cosine similarity is at
 * least `vector` or whose lexical coverage (idf-weighted share of the query's terms it holds) is
 * at least `lexical`. Chosen on the labelled retrieval set (`npm run bench -- rag-retrieval`, 88
 * questions and 10 unrelated ones over documentation in node_modules, embedded embedder): of the
 * hybrid grid's floors that leave at least 80% of unrelated questions without a hit, the one that
 * keeps the most recall@5 (0.591 against 0.659 with no cut-off).
 */
export const DEFAULT_MIN_RELEVANCE: Readonly<Required<RelevanceFloors>> = {
  vector: 0.35,
  lexical: 0.3,
};

const MODES: readonly SearchMode[] = ['vector', 'lexical', 'hybrid'];

export interface ResolvedMode {
  mode: SearchMode;
  weights: { vector: number; lexical: number };
  rrfK: number;
  floors: RelevanceFloors;
  /** Candidates per branch. */
  depth: number;
}

/** Applies the defaults of mode, weights, k and floors; rejects bad values as InvalidInputError. */
export function resolveSearchMode(request: SearchRequest, topK: number): ResolvedMode {
  const mode = request.mode ?? DEFAULT_SEARCH_MODE;
  if (!MODES.includes(mode)) invalid('mode', `must be one of ${MODES.join(', ')}`);
  if (mode !== 'vector' && typeof request.query !== 'string') {
    invalid('query', `must be a text in ${mode} mode (a vector has no terms)`);
  }
  if (mode === 'lexical' && (request.threshold ?? 0) > 0) {
    invalid(
      'threshold',
      'is a cosine similarity: lexical mode has none (use minRelevance.lexical)',
    );
  }
  const weights = request.weights ?? { vector: 1, lexical: 1 };
  for (const key of ['vector', 'lexical'] as const) {
    if (!(Number.isFinite(weights[key]) && weights[key] >= 0)) {
      invalid(`weights.${key}`, 'must be a finite number ≥ 0');
    }
  }
  if (weights.vector + weights.lexical === 0) invalid('weights', 'must not both be 0');
  const rrfK = request.rrfK ?? DEFAULT_RRF_K;
  if (!(Number.isFinite(rrfK) && rrfK >= 0)) invalid('rrfK', 'must be a finite number ≥ 0');
  const floors = request.minRelevance ?? (mode === 'vector' ? {} : { ...DEFAULT_MIN_RELEVANCE });
  for (const key of ['vector', 'lexical'] as const) {
    const floor = floors[key];
    if (floor !== undefined && !(floor >= 0 && floor <= 1)) {
      invalid(`minRelevance.${key}`, 'must be between 0 and 1');
    }
  }
  return { mode, weights, rrfK, floors, depth: Math.max(topK, FUSION_CANDIDATES) };
}

function invalid(field: string, reason: string): never {
  throw new InvalidInputError(`Invalid ${field}: ${reason}`, [{ field, reason }]);
}

/** Lexical or hybrid search asked of a store that only searches by vector (the LangChain adapter). */
export class UnsupportedSearchModeError extends InvalidInputError {
  readonly store: string;
  readonly mode: SearchMode;

  constructor(store: string, mode: SearchMode) {
    const reason =
      `the vector store ${store} searches by vector only: it has no lexical index to run ` +
      `${mode} search on. Leave mode unset (or 'vector'), or use the pgvector or memory store.`;
    super(`Search mode ${mode} is not supported here: ${reason}`, [{ field: 'mode', reason }], {
      code: 'unsupported_search_mode',
    });
    this.store = store;
    this.mode = mode;
  }
}
