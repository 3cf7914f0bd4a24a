// One lexical and hybrid search suite for the memory store and the pgvector store (PGlite,
// PostgreSQL): the same corpus, queries and hand-computed values, so both stores rank alike.
import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import type { RagDocument, ScoredDocument } from '../rag-types.js';
import { newEmbeddingModel, type StoreFactory } from './vector-store-contract.js';

// Terms per document: l1 cat cat dog (3), l2 cat bird (2), l3 dog bird fish fish (4),
// l4 向量 量数 数据 据库 (4 bigrams): N = 4, mean length 13/4 = 3.25.
export const LEXICAL_CORPUS: RagDocument[] = [
  { id: 'l1', text: 'cat cat dog', metadata: { genre: 'pets' } },
  { id: 'l2', text: 'cat bird', metadata: { genre: 'birds' } },
  { id: 'l3', text: 'dog bird fish fish', metadata: { genre: 'fish' } },
  { id: 'l4', text: '向量数据库', metadata: { genre: '数据库', lang: 'zh' } },
];

const idsOf = (hits: ScoredDocument[]) => hits.map((hit) => hit.id);
const everything = { minRelevance: {} };

export function describeLexicalSearchContract(label: string, factory: StoreFactory): void {
  describe(`${label}: lexical and hybrid search`, () => {
    async function seeded(documents: RagDocument[] = LEXICAL_CORPUS) {
      const store = await factory({ embeddingModel: newEmbeddingModel() });
      await store.add(documents);
      return store;
    }

    it('ranks by BM25 (k1 1.2, b 0.75) with the values computed by hand', async () => {
      const store = await seeded();
      const hits = await store.similaritySearch({ query: 'cat fish', mode: 'lexical', ...everything });
      // idf(cat) = ln(1 + 2.5/2.5) = ln 2; idf(fish) = ln(1 + 3.5/1.5).
      // l3: idf(fish)·2·2.2 / (2 + 1.2·(0.25 + 0.75·4/3.25)) = 1.554565
      // l1: ln2·2·2.2 / (2 + 1.2·(0.25 + 0.75·3/3.25)) = 0.974153
      // l2: ln2·2.2 / (1 + 1.2·(0.25 + 0.75·2/3.25)) = 0.822573; l4 holds neither term.
      expect(idsOf(hits)).toEqual(['l3', 'l1', 'l2']);
      expect(hits.map((hit) => hit.score)).toEqual([
        expect.closeTo(1.554565, 5),
        expect.closeTo(0.974153, 5),
        expect.closeTo(0.822573, 5),
      ]);
      // Coverage: the idf share of the query's terms each one holds.
      expect(hits[0]?.signals?.coverage).toBeCloseTo(0.634632, 5);
      expect(hits[1]?.signals?.coverage).toBeCloseTo(0.365368, 5);
    });

    it('finds Chinese text by character bigrams', async () => {
      const store = await seeded();
      const hits = await store.similaritySearch({
        query: '向量数据库是什么？',
        mode: 'lexical',
        ...everything,
      });
      expect(idsOf(hits)).toEqual(['l4']);
    });

    it('finds "Spring Boot" from "SpringBoot" and back', async () => {
      const store = await seeded([
        { id: 's1', text: 'Spring Boot starters configure beans', metadata: {} },
        { id: 's2', text: 'SpringBoot 自动配置', metadata: {} },
        { id: 's3', text: 'Quarkus extensions', metadata: {} },
      ]);
      const search = async (query: string) =>
        idsOf(await store.similaritySearch({ query, mode: 'lexical', ...everything })).sort();
      expect(await search('SpringBoot')).toEqual(['s1', 's2']);
      expect(await search('spring boot')).toEqual(['s1', 's2']);
      expect(await search('quarkus')).toEqual(['s3']);
    });

    it('fuses the branches by weighted reciprocal rank', async () => {
      const store = await seeded();
      const search = async (weights: { vector: number; lexical: number }) =>
        store.similaritySearch({ query: 'cat fish', mode: 'hybrid', weights, ...everything });
      // Vector order (bag of words): l1 2/√10, l3 2/√12, l2 1/2, l4 0; lexical: l3, l1, l2.
      const vectorOnly = await search({ vector: 1, lexical: 0 });
      expect(idsOf(vectorOnly)).toEqual(['l1', 'l3', 'l2', 'l4']);
      expect(vectorOnly[0]?.signals?.cosine).toBeCloseTo(2 / Math.sqrt(10), 5);
      expect(idsOf(await search({ vector: 0, lexical: 1 })).slice(0, 3)).toEqual(['l3', 'l1', 'l2']);
      // l1: 2/61 + 1/62 beats l3: 2/62 + 1/61; scaled by the best possible, 3/61.
      const vectorFirst = await search({ vector: 2, lexical: 1 });
      expect(idsOf(vectorFirst).slice(0, 2)).toEqual(['l1', 'l3']);
      expect(vectorFirst[0]?.score).toBeCloseTo((2 / 61 + 1 / 62) / (3 / 61), 9);
      expect(idsOf(await search({ vector: 1, lexical: 2 })).slice(0, 2)).toEqual(['l3', 'l1']);
    });

    it('applies the filter to both branches', async () => {
      const store = await seeded();
      for (const weights of [
        { vector: 1, lexical: 0 },
        { vector: 0, lexical: 1 },
        { vector: 1, lexical: 1 },
      ]) {
        const hits = await store.similaritySearch({
          query: 'cat bird 数据',
          mode: 'hybrid',
          filter: "genre in ['birds', '数据库']",
          weights,
          ...everything,
        });
        expect(idsOf(hits).sort()).toEqual(['l2', 'l4']);
      }
      const lexical = await store.similaritySearch({
        query: 'cat',
        mode: 'lexical',
        filter: "genre == 'pets'",
      });
      expect(idsOf(lexical)).toEqual(['l1']);
    });

    it('cuts off an unrelated question and keeps a related one', async () => {
      // a1 is a sentence long, as chunks are: in a handful of words, a shared "the" alone lifts
      // the lexical embedder's cosine near the default floor.
      const store = await seeded([
        {
          id: 'a1',
          text: 'The ChatClient API calls the chat model with advisors around each request and reply',
          metadata: {},
        },
        { id: 'a2', text: 'A VectorStore holds embeddings for similarity search', metadata: {} },
        { id: 'a3', text: '向量数据库存储文档的嵌入向量', metadata: {} },
      ]);
      const unrelated = 'What is the capital of France?';
      expect(await store.similaritySearch({ query: unrelated, mode: 'hybrid' })).toEqual([]);
      expect(await store.similaritySearch({ query: unrelated, mode: 'lexical' })).toEqual([]);
      // Without the cut-off the same question gets the documents sharing "the".
      const uncut = await store.similaritySearch({ query: unrelated, mode: 'hybrid', ...everything });
      expect(uncut.length).toBeGreaterThan(0);
      const related = await store.similaritySearch({ query: 'ChatClient advisors', mode: 'hybrid' });
      expect(idsOf(related)).toEqual(['a1']);
      const chinese = await store.similaritySearch({ query: '向量数据库', mode: 'hybrid' });
      expect(idsOf(chinese)).toEqual(['a3']);
    });

    it('indexes the context lexically but returns the text alone', async () => {
      const store = await seeded([
        { id: 'c1', text: 'advisors wrap model calls', context: 'Reference › 指南', metadata: {} },
        { id: 'c2', text: 'bonds and stock prices', metadata: {} },
      ]);
      const hits = await store.similaritySearch({ query: 'reference 指南', mode: 'lexical' });
      expect(hits).toEqual([
        expect.objectContaining({ id: 'c1', text: 'advisors wrap model calls', context: 'Reference › 指南' }),
      ]);
    });

    it('rejects what lexical and hybrid search cannot do as InvalidInputError', async () => {
      const store = await seeded();
      const bad = [
        { query: [1, 0], mode: 'hybrid' as const },
        { query: 'cat', mode: 'lexical' as const, threshold: 0.5 },
        { query: 'cat', mode: 'hybrid' as const, weights: { vector: 0, lexical: 0 } },
        { query: 'cat', mode: 'hybrid' as const, minRelevance: { lexical: 2 } },
        { query: 'cat', mode: 'fuzzy' as unknown as 'hybrid' },
      ];
      for (const request of bad) {
        await expect(store.similaritySearch(request)).rejects.toBeInstanceOf(InvalidInputError);
      }
    });
  });
}
