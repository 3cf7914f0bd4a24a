// Reciprocal rank fusion and the relevance cut-off, on hand-made candidates.
import { describe, expect, it } from 'vitest';
import { fuseBranches, meetsFloors, reciprocalRankFusion, type Candidate } from './rank-fusion.js';
import { DEFAULT_MIN_RELEVANCE, resolveSearchMode } from './search-modes.js';

const candidate = (id: string, cosine: number, bm25: number, coverage: number): Candidate => ({
  id,
  text: `文本 ${id}`,
  metadata: {},
  cosine,
  bm25,
  coverage,
});

describe('reciprocalRankFusion', () => {
  it('sums weight / (k + rank) over the lists', () => {
    const fused = reciprocalRankFusion(
      [
        { weight: 1, ids: ['a', 'b', 'c'] },
        { weight: 2, ids: ['c', 'a'] },
      ],
      60,
    );
    expect(fused.get('a')).toBeCloseTo(1 / 61 + 2 / 62, 12);
    expect(fused.get('b')).toBeCloseTo(1 / 62, 12);
    expect(fused.get('c')).toBeCloseTo(1 / 63 + 2 / 61, 12);
  });
});

describe('meetsFloors', () => {
  it('keeps a hit meeting any floor that is set, every hit without floors', () => {
    const floors = { vector: 0.6, lexical: 0.4 };
    expect(meetsFloors(candidate('a', 0.7, 0, 0), floors)).toBe(true);
    expect(meetsFloors(candidate('b', 0.1, 2, 0.5), floors)).toBe(true);
    expect(meetsFloors(candidate('c', 0.5, 1, 0.3), floors)).toBe(false);
    expect(meetsFloors(candidate('c', 0.5, 1, 0.3), {})).toBe(true);
    expect(meetsFloors(candidate('c', 0.5, 1, 0.3), { lexical: 0.3 })).toBe(true);
  });
});

describe('fuseBranches', () => {
  const vector = [
    candidate('v', 0.9, 0, 0),
    candidate('x', 0.3, 1, 0.2),
    candidate('l', 0.2, 3, 0.9),
  ];
  const lexical = [vector[2] as Candidate, vector[1] as Candidate];
  const resolve = (request: Parameters<typeof resolveSearchMode>[0]) => ({
    ...resolveSearchMode(request, 10),
    topK: 10,
    threshold: request.threshold ?? 0,
  });

  it('orders by the fused rank, scaled so that first everywhere scores 1, and cuts off', () => {
    const hits = fuseBranches({ vector, lexical }, resolve({ query: '问题', mode: 'hybrid' }));
    // x has neither cosine ≥ 0.35 nor coverage ≥ 0.3 (DEFAULT_MIN_RELEVANCE): dropped.
    expect(DEFAULT_MIN_RELEVANCE).toEqual({ vector: 0.35, lexical: 0.3 });
    expect(hits.map((hit) => hit.id)).toEqual(['l', 'v']);
    expect(hits[0]?.score).toBeCloseTo((1 / 63 + 1 / 61) / (2 / 61), 12);
    expect(hits[0]?.signals).toEqual({ cosine: 0.2, bm25: 3, coverage: 0.9 });
  });

  it('reads the threshold as a cosine in hybrid mode, and scores lexical mode by BM25', () => {
    const hybrid = resolve({ query: '问题', mode: 'hybrid', threshold: 0.25, minRelevance: {} });
    // l (cosine 0.2) is dropped; x, second in both lists, beats v, first in one.
    expect(fuseBranches({ vector, lexical }, hybrid).map((hit) => hit.id)).toEqual(['x', 'v']);
    const lexicalOnly = fuseBranches(
      { vector: [], lexical },
      resolve({ query: '问题', mode: 'lexical' }),
    );
    expect(lexicalOnly.map((hit) => [hit.id, hit.score])).toEqual([['l', 3]]);
  });
});
