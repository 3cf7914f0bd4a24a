// Scoring for the rag-retrieval bench: one row = one store searched with one set of request
// options over every labelled question (recall@1, recall@5, MRR, nDCG@10, also per language), and
// the relevance cut-off grids (unrelated questions left with no hits vs recall@5 of the others).
import { judge } from './rag-retrieval-set.mjs';

export const TOP_K = 10;
/** How far recall@5 may fall below no cut-off for a value to be the default (2 points). */
export const RECALL_TOLERANCE = 0.02;
/** Floors tried: cosine for the vector branch (local-llm's hashing embedder), query-term coverage for the lexical one. */
const VECTOR_FLOORS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7];
const LEXICAL_FLOORS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
/** The grid per mode: every floor alone, and in hybrid mode every pair as well (kept when either is met). */
export const GRIDS = {
  vector: VECTOR_FLOORS.map((vector) => ({ vector })),
  lexical: LEXICAL_FLOORS.map((lexical) => ({ lexical })),
  hybrid: [
    ...VECTOR_FLOORS.map((vector) => ({ vector })),
    ...LEXICAL_FLOORS.map((lexical) => ({ lexical })),
    ...VECTOR_FLOORS.flatMap((vector) => LEXICAL_FLOORS.map((lexical) => ({ vector, lexical }))),
  ],
};

/** The request fields for a cut-off: `minRelevance` floors, or `threshold` where that has not landed. */
export function cutOffRequest(features, floors) {
  if (features.cutOffField === 'minRelevance') return { minRelevance: floors };
  return { threshold: floors.vector ?? 0 };
}

/** The four figures over every labelled question, and per language, plus each unrelated question's top score. */
export async function scoreRow(store, set, request, metrics) {
  const perQuestion = [];
  for (const question of set.questions) {
    const hits = await store.similaritySearch({
      query: question.question,
      topK: TOP_K,
      ...request,
    });
    const ranked = judge(hits, question);
    perQuestion.push({
      id: question.id,
      lang: question.lang,
      rank: ranked.indexOf(true) + 1 || null,
      topScore: hits[0]?.score ?? null,
      scores: metrics.scoreRanking(ranked),
    });
  }
  const mean = (lang) =>
    metrics.meanScores(perQuestion.filter((q) => !lang || q.lang === lang).map((q) => q.scores));
  const unrelatedHits = [];
  for (const { question } of set.unrelated) {
    const hits = await store.similaritySearch({ query: question, topK: 1, ...request });
    unrelatedHits.push(hits.length > 0 ? { score: hits[0].score, signals: hits[0].signals } : null);
  }
  return { all: mean(), en: mean('en'), zh: mean('zh'), perQuestion, unrelatedHits };
}

/** recall@5 over the labelled questions and the share of unrelated ones left with no hit. */
export async function measureCutOff(store, set, request, metrics) {
  let recalled = 0;
  for (const question of set.questions) {
    const hits = await store.similaritySearch({ query: question.question, topK: 5, ...request });
    recalled += metrics.recallAtK(judge(hits, question), 5);
  }
  let rejected = 0;
  for (const { question } of set.unrelated) {
    const hits = await store.similaritySearch({ query: question, topK: 5, ...request });
    if (hits.length === 0) rejected += 1;
  }
  return {
    recallAt5: recalled / set.questions.length,
    unrelatedRejected: rejected / set.unrelated.length,
  };
}

/**
 * Whether a hit clears the floors, by the rule SearchRequest.minRelevance documents (any floor
 * that is set; lexical mode reads only the lexical one; a vector-mode hit's score is its cosine).
 * The grid applies it to one unfloored search per question instead of searching again per cell:
 * the floors only drop hits from the fused list (rank-fusion.ts), so this is the same cut as the
 * request's while at least 5 hits survive among the first FUSION_CANDIDATES, and the suggestion
 * and the default are measured again with the real request option to show it.
 */
function clears(hit, floors, mode) {
  const { vector, lexical } = mode === 'lexical' ? { lexical: floors.lexical } : floors;
  if (vector === undefined && lexical === undefined) return true;
  const cosine = mode === 'vector' ? hit.score : (hit.signals?.cosine ?? 0);
  return (
    (vector !== undefined && cosine >= vector) ||
    (lexical !== undefined && (hit.signals?.coverage ?? 0) >= lexical)
  );
}

function measureFromHits(set, searched, floors, mode, metrics) {
  const kept = (hits) => hits.filter((hit) => clears(hit, floors, mode)).slice(0, 5);
  let recalled = 0;
  set.questions.forEach((question, index) => {
    recalled += metrics.recallAtK(judge(kept(searched.labelled[index]), question), 5);
  });
  const rejected = searched.unrelated.filter((hits) => kept(hits).length === 0).length;
  return {
    recallAt5: recalled / set.questions.length,
    unrelatedRejected: rejected / set.unrelated.length,
  };
}

/**
 * One mode's grid. The suggestion rejects the most unrelated questions while recall@5 stays within
 * RECALL_TOLERANCE of no cut-off; on a tie, the higher recall@5, then the grid's earlier (lower) floors.
 */
export async function cutOffGrid(store, set, mode, features, metrics, depth) {
  const request = {
    ...(features.modes ? { mode } : {}),
    ...cutOffRequest(features, {}),
    topK: depth,
  };
  const search = (query) => store.similaritySearch({ ...request, query });
  const searched = { labelled: [], unrelated: [] };
  for (const question of set.questions) searched.labelled.push(await search(question.question));
  for (const { question } of set.unrelated) searched.unrelated.push(await search(question));
  const none = measureFromHits(set, searched, {}, mode, metrics);
  const grid = GRIDS[mode].map((floors) => ({
    floors,
    ...measureFromHits(set, searched, floors, mode, metrics),
  }));
  const better = (a, b) =>
    a.unrelatedRejected !== b.unrelatedRejected
      ? a.unrelatedRejected > b.unrelatedRejected
      : a.recallAt5 > b.recallAt5;
  const suggested = grid
    .filter((row) => row.recallAt5 >= none.recallAt5 - RECALL_TOLERANCE - 1e-9)
    .reduce((chosen, row) => (better(row, chosen) ? row : chosen), { floors: null, ...none });
  return { mode, none, grid, suggested };
}
