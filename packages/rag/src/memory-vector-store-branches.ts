// The memory store's two ranked branches for lexical and hybrid search, each over the filtered
// entries: by cosine (hybrid only) and by BM25 (documents holding a query term), the top `depth`
// of each, ties by id as in the pgvector store.
import type { LexicalScore } from './lexical-bm25.js';
import { byScoreThenId, type Candidate, type RankedBranches } from './rank-fusion.js';

export interface BranchEntry {
  id: string;
  text: string;
  context: string | undefined;
  metadata: Record<string, unknown>;
}

export function rankBranches<E extends BranchEntry>(
  entries: readonly E[],
  lexical: (id: string) => LexicalScore,
  cosineOf: ((entry: E) => number) | undefined,
  depth: number,
): RankedBranches {
  const candidates: Candidate[] = entries.map((entry) => {
    const { bm25, coverage } = lexical(entry.id);
    return {
      id: entry.id,
      text: entry.text,
      ...(entry.context === undefined ? {} : { context: entry.context }),
      metadata: structuredClone(entry.metadata),
      ...(cosineOf === undefined ? {} : { cosine: cosineOf(entry) }),
      bm25,
      coverage,
    };
  });
  const vector =
    cosineOf === undefined
      ? []
      : [...candidates]
          .sort((a, b) => byScoreThenId(a.cosine ?? 0, b.cosine ?? 0, a.id, b.id))
          .slice(0, depth);
  const lexicalRanked = candidates
    .filter((candidate) => candidate.bm25 > 0)
    .sort((a, b) => byScoreThenId(a.bm25, b.bm25, a.id, b.id))
    .slice(0, depth);
  return { vector, lexical: lexicalRanked };
}
