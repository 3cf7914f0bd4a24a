// Document joiners: merge the ranked lists that several queries (multi-query) or several retrievers
// produced. Concatenation is Spring AI's ConcatenationDocumentJoiner (dedupe by id, best score
// first); reciprocal rank fusion is LangChain's EnsembleRetriever, which ranks by position rather
// than raw score, so lists whose scores are not comparable (two stores, two embedders) fuse fairly.
import type { ScoredDocument } from './rag-types.js';

/** The constant of Cormack et al. (2009): damps the weight of the very top ranks. */
export const DEFAULT_RRF_K = 60;

/**
 * Every document once (by id), keeping its highest score, best first. Ties keep the order in
 * which the documents first appeared.
 */
export function concatenateDocuments(
  rankedLists: readonly (readonly ScoredDocument[])[],
): ScoredDocument[] {
  const best = new Map<string, ScoredDocument>();
  for (const list of rankedLists)
    for (const document of list) {
      const seen = best.get(document.id);
      if (!seen) best.set(document.id, document);
      else if (document.score > seen.score)
        best.set(document.id, { ...seen, score: document.score });
    }
  // Array.prototype.sort is stable, so equal scores stay in first-seen order.
  return [...best.values()].sort((a, b) => b.score - a.score);
}

export interface ReciprocalRankFusionOptions {
  /** Default 60. */
  k?: number;
  /** Keep only the best N after fusing. */
  topK?: number;
  /** One weight per list (default 1 each), as in LangChain's EnsembleRetriever. */
  weights?: readonly number[];
}

/**
 * Reciprocal rank fusion: score(d) = Σ weight_i / (k + rank_i(d)), ranks from 1, over the lists
 * that contain d. The returned `score` is that fused score; ties keep first-seen order.
 */
export function fuseReciprocalRank(
  rankedLists: readonly (readonly ScoredDocument[])[],
  options: ReciprocalRankFusionOptions = {},
): ScoredDocument[] {
  const k = options.k ?? DEFAULT_RRF_K;
  const fused = new Map<string, ScoredDocument>();
  rankedLists.forEach((list, listIndex) => {
    const weight = options.weights?.[listIndex] ?? 1;
    // A list that repeats a document counts its best rank only.
    const ranked = new Set<string>();
    list.forEach((document, index) => {
      if (ranked.has(document.id)) return;
      ranked.add(document.id);
      const contribution = weight / (k + index + 1);
      const seen = fused.get(document.id);
      fused.set(
        document.id,
        seen ? { ...seen, score: seen.score + contribution } : { ...document, score: contribution },
      );
    });
  });
  const joined = [...fused.values()].sort((a, b) => b.score - a.score);
  return options.topK === undefined ? joined : joined.slice(0, options.topK);
}
