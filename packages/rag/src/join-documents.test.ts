import { describe, expect, it } from 'vitest';
import { concatenateDocuments, DEFAULT_RRF_K, fuseReciprocalRank } from './join-documents.js';
import type { ScoredDocument } from './rag-types.js';

const doc = (id: string, score: number): ScoredDocument => ({
  id,
  text: `text of ${id}`,
  metadata: { source: `${id}.md` },
  score,
});

describe('concatenateDocuments', () => {
  it('keeps each id once with its best score, best first', () => {
    const joined = concatenateDocuments([
      [doc('a', 0.9), doc('b', 0.5)],
      [doc('b', 0.8), doc('c', 0.7)],
    ]);
    expect(joined.map((d) => [d.id, d.score])).toEqual([
      ['a', 0.9],
      ['b', 0.8],
      ['c', 0.7],
    ]);
    expect(joined[1]?.text).toBe('text of b');
  });

  it('keeps first-seen order for equal scores and handles no lists', () => {
    expect(concatenateDocuments([[doc('x', 0.5)], [doc('y', 0.5)]]).map((d) => d.id)).toEqual([
      'x',
      'y',
    ]);
    expect(concatenateDocuments([])).toEqual([]);
  });
});

describe('fuseReciprocalRank', () => {
  it('sums 1/(k + rank) over the lists, with k = 60 by default', () => {
    expect(DEFAULT_RRF_K).toBe(60);
    const fused = fuseReciprocalRank([
      [doc('a', 0.99), doc('b', 0.98), doc('c', 0.97)],
      [doc('c', 0.4), doc('a', 0.3)],
    ]);
    // a: 1/61 + 1/62; c: 1/63 + 1/61; b: 1/62.
    expect(fused.map((d) => d.id)).toEqual(['a', 'c', 'b']);
    expect(fused[0]?.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(fused[1]?.score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused[2]?.score).toBeCloseTo(1 / 62, 12);
  });

  it('ranks by position, not by raw score', () => {
    // Scores from two stores are not comparable: the 0.2 list's leader ties the 0.9 list's leader.
    const fused = fuseReciprocalRank([[doc('a', 0.9)], [doc('b', 0.2)]]);
    expect(fused.map((d) => d.score)).toEqual([1 / 61, 1 / 61]);
    expect(fused.map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('honours k, weights, topK and counts a repeated document once per list', () => {
    const fused = fuseReciprocalRank([[doc('a', 1), doc('a', 1), doc('b', 1)], [doc('b', 1)]], {
      k: 1,
      weights: [1, 3],
      topK: 1,
    });
    // a: 1/(1+1) = 0.5; b: 1/(1+3) + 3/(1+1) = 1.75.
    expect(fused).toHaveLength(1);
    expect(fused[0]?.id).toBe('b');
    expect(fused[0]?.score).toBeCloseTo(1.75, 12);
  });
});
