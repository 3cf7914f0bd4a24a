// Retrieval quality metrics with binary relevance (recall@k, reciprocal rank, nDCG@k), as pure
// functions over one question's ranked hits, so a labelled set can score any retriever. Written
// here rather than taken from a library: none in the dependencies has them, and each is a few lines.
import { InvalidInputError } from '@repo/core';

/**
 * One question's hits, best first: `true` where the hit is relevant. `relevantTotal` is how many
 * relevant items exist for the question (default 1: one answering passage); a ranking holding
 * more relevant hits than that is refused, since every figure would then exceed 1.
 */
export type RankedRelevance = readonly boolean[];

export interface RetrievalScores {
  recallAt1: number;
  recallAt5: number;
  /** Reciprocal rank of the first relevant hit (0 when none); its mean over questions is MRR. */
  reciprocalRank: number;
  ndcgAt10: number;
}

function invalid(field: string, reason: string): never {
  throw new InvalidInputError(`Invalid ${field}: ${reason}`, [{ field, reason }]);
}

function checkArguments(ranked: RankedRelevance, k: number, relevantTotal: number): void {
  if (!Number.isInteger(k) || k < 1) invalid('k', 'must be a whole number ≥ 1');
  if (!Number.isInteger(relevantTotal) || relevantTotal < 1)
    invalid('relevantTotal', 'must be a whole number ≥ 1');
  const found = ranked.filter(Boolean).length;
  if (found > relevantTotal)
    invalid('ranked', `holds ${found} relevant hits, more than relevantTotal (${relevantTotal})`);
}

/** Share of the relevant items found in the top k (with one relevant item: 1 if it is there). */
export function recallAtK(ranked: RankedRelevance, k: number, relevantTotal = 1): number {
  checkArguments(ranked, k, relevantTotal);
  return ranked.slice(0, k).filter(Boolean).length / relevantTotal;
}

/** 1 / rank of the first relevant hit (ranks start at 1), or 0 when no hit is relevant. */
export function reciprocalRank(ranked: RankedRelevance): number {
  const index = ranked.indexOf(true);
  return index === -1 ? 0 : 1 / (index + 1);
}

/**
 * Normalised discounted cumulative gain at k: Σ rel_i / log2(i + 1) over ranks i = 1…k, divided
 * by the same sum for the ideal ranking (min(relevantTotal, k) relevant hits first).
 */
export function ndcgAtK(ranked: RankedRelevance, k: number, relevantTotal = 1): number {
  checkArguments(ranked, k, relevantTotal);
  const gain = (index: number): number => 1 / Math.log2(index + 2);
  let dcg = 0;
  ranked.slice(0, k).forEach((relevant, index) => (dcg += relevant ? gain(index) : 0));
  let ideal = 0;
  for (let index = 0; index < Math.min(relevantTotal, k); index++) ideal += gain(index);
  return dcg / ideal;
}

/** The four figures the retrieval bench reports, for one question. */
export function scoreRanking(ranked: RankedRelevance, relevantTotal = 1): RetrievalScores {
  return {
    recallAt1: recallAtK(ranked, 1, relevantTotal),
    recallAt5: recallAtK(ranked, 5, relevantTotal),
    reciprocalRank: reciprocalRank(ranked),
    ndcgAt10: ndcgAtK(ranked, 10, relevantTotal),
  };
}

/** Mean of each figure over questions (reciprocalRank becomes MRR); refuses an empty list. */
export function meanScores(scores: readonly RetrievalScores[]): RetrievalScores {
  if (scores.length === 0) invalid('scores', 'must hold at least one question');
  const mean = (pick: (s: RetrievalScores) => number): number =>
    scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return {
    recallAt1: mean((s) => s.recallAt1),
    recallAt5: mean((s) => s.recallAt5),
    reciprocalRank: mean((s) => s.reciprocalRank),
    ndcgAt10: mean((s) => s.ndcgAt10),
  };
}
