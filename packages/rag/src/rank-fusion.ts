// From each branch's ranked candidates to the hits a search returns, shared by both stores so that
// they fuse, cut and order alike: weighted reciprocal rank fusion, the cosine threshold and the
// relevance cut-off (search-modes.ts), then top-k.
import type { ResolvedMode } from './search-modes.js';
import type { ScoredDocument, SearchSignals } from './rag-types.js';

/** A document a branch ranked, with every signal the store computed for it. */
export interface Candidate {
  id: string;
  text: string;
  context?: string;
  metadata: Record<string, unknown>;
  cosine?: number;
  bm25: number;
  coverage: number;
}

export interface RankedBranches {
  /** Best cosine first (empty in lexical mode). */
  vector: readonly Candidate[];
  /** Best BM25 first, only documents holding a query term (empty in vector mode). */
  lexical: readonly Candidate[];
}

/** Σ weight / (k + rank) over the lists that rank the id (ranks from 1). */
export function reciprocalRankFusion(
  lists: readonly { weight: number; ids: readonly string[] }[],
  k: number,
): Map<string, number> {
  const fused = new Map<string, number>();
  for (const { weight, ids } of lists) {
    ids.forEach((id, index) => fused.set(id, (fused.get(id) ?? 0) + weight / (k + index + 1)));
  }
  return fused;
}

/** Whether a candidate clears the floors that are set (any of them); no floor keeps it. */
export function meetsFloors(candidate: Candidate, floors: ResolvedMode['floors']): boolean {
  const { vector, lexical } = floors;
  if (vector === undefined && lexical === undefined) return true;
  return (
    (vector !== undefined && (candidate.cosine ?? 0) >= vector) ||
    (lexical !== undefined && candidate.coverage >= lexical)
  );
}

/** The hits of lexical or hybrid search (vector mode keeps each store's own path). */
export function fuseBranches(
  branches: RankedBranches,
  resolved: ResolvedMode & { topK: number; threshold: number },
): ScoredDocument[] {
  const { mode, weights, rrfK, topK, threshold } = resolved;
  // Each mode reads the floors of the evidence it has: lexical search computes no cosine.
  const floors = mode === 'lexical' ? { lexical: resolved.floors.lexical } : resolved.floors;
  const byId = new Map<string, Candidate>();
  for (const candidate of [...branches.vector, ...branches.lexical]) {
    byId.set(candidate.id, candidate);
  }
  const scores =
    mode === 'lexical'
      ? new Map(branches.lexical.map((candidate) => [candidate.id, candidate.bm25]))
      : scaled(
          reciprocalRankFusion(
            [
              { weight: weights.vector, ids: branches.vector.map((c) => c.id) },
              { weight: weights.lexical, ids: branches.lexical.map((c) => c.id) },
            ],
            rrfK,
          ),
          (weights.vector + weights.lexical) / (rrfK + 1),
        );
  return [...scores]
    .flatMap(([id, score]) => {
      const candidate = byId.get(id);
      if (candidate === undefined || !meetsFloors(candidate, floors)) return [];
      if (mode === 'hybrid' && threshold > 0 && (candidate.cosine ?? 0) < threshold) return [];
      return [{ candidate, score }];
    })
    .sort((a, b) => byScoreThenId(a.score, b.score, a.candidate.id, b.candidate.id))
    .slice(0, topK)
    .map(({ candidate, score }) => toHit(candidate, score));
}

function scaled(scores: Map<string, number>, best: number): Map<string, number> {
  return new Map([...scores].map(([id, score]) => [id, score / best]));
}

/**
 * Higher score first; scores equal to 1e-9 (float sums in another order, e.g. in SQL) by id, so
 * both stores break ties alike.
 */
export function byScoreThenId(scoreA: number, scoreB: number, idA: string, idB: string): number {
  if (Math.abs(scoreA - scoreB) > 1e-9) return scoreB - scoreA;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

function toHit(candidate: Candidate, score: number): ScoredDocument {
  const { id, text, context, metadata, cosine, bm25, coverage } = candidate;
  const signals: SearchSignals = { bm25, coverage, ...(cosine === undefined ? {} : { cosine }) };
  return { id, text, ...(context === undefined ? {} : { context }), metadata, score, signals };
}
