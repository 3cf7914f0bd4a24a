// One behaviour suite for every VectorStore with filters (memory, pgvector on PGlite, over
// pglite-socket + pg, on PostgreSQL): the same documents, queries and expected values.
import type { EmbeddingModel } from '@repo/core';
import { InvalidInputError } from '@repo/core';
import { MockEmbeddingModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { EmbeddingDimensionMismatchError, FilterSyntaxError } from '../rag-errors.js';
import type { RagDocument, VectorStore } from '../rag-types.js';

export interface StoreFactoryOptions {
  embeddingModel: EmbeddingModel;
  batchSize?: number;
}

/** A fresh, empty store per call (for pgvector: a new collection). */
export type StoreFactory = (options: StoreFactoryOptions) => Promise<VectorStore>;

// 256 buckets: no two words of the corpus below share one, so the scores are exact fractions.
export const newEmbeddingModel = () => new MockEmbeddingModel({ dimensions: 256 });

export const CORPUS: RagDocument[] = [
  {
    id: 'd1',
    text: 'the cat sat on the mat',
    metadata: { genre: 'pets', year: 2019, author: { name: 'ann' } },
  },
  { id: 'd2', text: 'dogs chase the cat', metadata: { genre: 'pets', year: 2021 } },
  { id: 'd3', text: 'stock markets fell sharply', metadata: { genre: 'finance', year: 2022 } },
  {
    id: 'd4',
    text: '向量数据库支持相似度搜索',
    metadata: { genre: '数据库', year: 2023, lang: 'zh' },
  },
  {
    id: 'd5',
    text: 'bonds and stock prices',
    metadata: { genre: 'finance', year: 2020, draft: true },
  },
];

async function seeded(factory: StoreFactory, options: Partial<StoreFactoryOptions> = {}) {
  const model = newEmbeddingModel();
  const store = await factory({ embeddingModel: model, ...options });
  const ids = await store.add(CORPUS);
  return { model, store, ids };
}

const idsOf = (hits: { id: string }[]) => hits.map((hit) => hit.id);

export function describeVectorStoreContract(label: string, factory: StoreFactory): void {
  describe(`${label}: the VectorStore contract`, () => {
    it('returns the closest documents first, scored by cosine similarity', async () => {
      const { store, ids } = await seeded(factory);
      expect(ids).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
      const hits = await store.similaritySearch({ query: 'cat', topK: 2 });
      // "dogs chase the cat": 1 of 4 unit words → 1/2; "the cat sat on the mat": 1/√8.
      expect(idsOf(hits)).toEqual(['d2', 'd1']);
      expect(hits[0]?.score).toBeCloseTo(0.5, 5);
      expect(hits[1]?.score).toBeCloseTo(1 / Math.sqrt(8), 5);
      expect(hits[0]).toMatchObject({
        text: 'dogs chase the cat',
        metadata: { genre: 'pets', year: 2021 },
      });
      expect(await store.similaritySearch({ query: 'sharply' })).toHaveLength(4); // default top-k
    });

    it('drops hits below the threshold', async () => {
      const { store } = await seeded(factory);
      expect(idsOf(await store.similaritySearch({ query: 'cat', threshold: 0.4 }))).toEqual(['d2']);
      expect(await store.similaritySearch({ query: 'cat', threshold: 0.9 })).toEqual([]);
    });

    it('filters by metadata, in text or as an AST, CJK values included', async () => {
      const { store } = await seeded(factory);
      const search = async (filter: Parameters<VectorStore['similaritySearch']>[0]['filter']) =>
        idsOf(await store.similaritySearch({ query: 'the cat stock', topK: 10, filter })).sort();
      expect(await search("genre == 'pets' && year >= 2020")).toEqual(['d2']);
      expect(await search("genre == '数据库'")).toEqual(['d4']);
      expect(await search("author.name == 'ann' || draft == true")).toEqual(['d1', 'd5']);
      expect(await search("genre nin ['pets', 'finance'] && lang != null")).toEqual(['d4']);
      expect(await search({ type: 'in', key: 'year', values: [2019, 2022] })).toEqual(['d1', 'd3']);
      expect(await search("NOT (genre == 'finance')")).toEqual(['d1', 'd2', 'd4']);
    });

    it('takes a query vector as well as a query text', async () => {
      const { store, model } = await seeded(factory);
      const [vector] = (await model.embed({ input: ['stock'] })).embeddings;
      const hits = await store.similaritySearch({ query: vector ?? [], topK: 2 });
      expect(idsOf(hits).sort()).toEqual(['d3', 'd5']);
      expect(hits[0]?.score).toBeCloseTo(0.5, 5);
    });

    it('upserts by id, and derives a stable id from the content when there is none', async () => {
      const { store } = await seeded(factory);
      await store.add(CORPUS);
      await store.add([{ id: 'd1', text: 'the cat slept', metadata: { genre: 'pets' } }]);
      const hits = await store.similaritySearch({ query: 'the cat', topK: 10 });
      expect(hits).toHaveLength(5);
      expect(hits.find((hit) => hit.id === 'd1')).toMatchObject({
        text: 'the cat slept',
        metadata: { genre: 'pets' },
      });
      const note = { text: 'a note without id', metadata: { source: 'notes.md' } };
      const [first] = await store.add([note]);
      expect(await store.add([note])).toEqual([first]);
      expect(first).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(await store.similaritySearch({ query: 'note', topK: 10 })).toHaveLength(6);
    });

    it('deletes by ids and by filter, returning the count', async () => {
      const { store } = await seeded(factory);
      expect(await store.delete({ ids: ['d1', 'missing'] })).toBe(1);
      expect(await store.delete({ filter: "genre == 'finance'" })).toBe(2);
      expect(await store.delete({ filter: "genre == 'finance'" })).toBe(0);
      const left = await store.similaritySearch({ query: 'stock cat', topK: 10 });
      expect(idsOf(left).sort()).toEqual(['d2', 'd4']);
    });

    it('says which ids it holds (what ingestion skips)', async () => {
      const { store } = await seeded(factory);
      expect(await store.existingIds?.(['d1', 'd4', 'missing', '向量'])).toEqual(
        new Set(['d1', 'd4']),
      );
      expect(await store.existingIds?.([])).toEqual(new Set());
    });

    it('embeds in batches, only the documents that carry no vector', async () => {
      const model = newEmbeddingModel();
      const store = await factory({ embeddingModel: model, batchSize: 2 });
      const [own] = (await model.embed({ input: ['precomputed cat'] })).embeddings;
      model.requests.length = 0;
      await store.add([
        ...CORPUS,
        { id: 'p', text: 'not embedded', metadata: {}, embedding: own ?? [] },
      ]);
      expect(model.requests.map((request) => request.input)).toEqual([
        ['the cat sat on the mat', 'dogs chase the cat'],
        ['stock markets fell sharply', '向量数据库支持相似度搜索'],
        ['bonds and stock prices'],
      ]);
      const [top] = await store.similaritySearch({ query: 'precomputed', topK: 1 });
      expect(top?.id).toBe('p');
    });

    it('embeds the context in front of the text, returns the text alone and the context apart', async () => {
      const model = newEmbeddingModel();
      const store = await factory({ embeddingModel: model });
      await store.add([
        { id: 'c1', text: '向量数据库支持相似度搜索', context: 'Handbook › 检索', metadata: {} },
        { id: 'c2', text: 'bonds and stock prices', metadata: {} },
      ]);
      expect(model.requests[0]?.input).toEqual([
        'Handbook › 检索\n\n向量数据库支持相似度搜索',
        'bonds and stock prices',
      ]);
      // Only the context holds "handbook": the hit comes from it, the text stays the chunk.
      const [hit, other] = await store.similaritySearch({ query: 'handbook', topK: 2 });
      expect(hit).toMatchObject({ id: 'c1', text: '向量数据库支持相似度搜索', context: 'Handbook › 检索' });
      expect(hit?.score).toBeGreaterThan(0);
      expect(other).not.toHaveProperty('context');
    });

    it('refuses a vector of another size, naming both sizes', async () => {
      const { store } = await seeded(factory);
      const wrong = store.add([{ id: 'x', text: 'x', metadata: {}, embedding: [1, 0, 0] }]);
      await expect(wrong).rejects.toBeInstanceOf(EmbeddingDimensionMismatchError);
      await expect(wrong).rejects.toThrow(/holds 256-dimensional vectors .* but got 3-dimensional/);
      await expect(store.similaritySearch({ query: [1, 0, 0] })).rejects.toMatchObject({
        recorded: { dimensions: 256 },
        got: { dimensions: 3 },
      });
    });

    it('a refused first batch does not lock the empty store to the wrong size', async () => {
      const store = await factory({ embeddingModel: newEmbeddingModel() });
      const mixed = store.add([
        { id: 'x', text: 'x', metadata: {}, embedding: [1, 0, 0] },
        { id: 'y', text: 'the cat', metadata: {} },
      ]);
      await expect(mixed).rejects.toBeInstanceOf(EmbeddingDimensionMismatchError);
      expect(await store.add([{ id: 'y', text: 'the cat', metadata: {} }])).toEqual(['y']);
      expect(idsOf(await store.similaritySearch({ query: 'cat' }))).toEqual(['y']);
    });

    it('rejects bad requests as InvalidInputError, a bad filter with its position', async () => {
      const { store } = await seeded(factory);
      await expect(store.similaritySearch({ query: 'cat', topK: 0 })).rejects.toMatchObject({
        details: [{ field: 'topK' }],
      });
      await expect(store.similaritySearch({ query: 'cat', threshold: 2 })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      const bad = store.similaritySearch({ query: 'cat', filter: 'genre == ' });
      await expect(bad).rejects.toBeInstanceOf(FilterSyntaxError);
      await expect(bad).rejects.toMatchObject({ position: 9 });
      await expect(store.delete({ filter: 'year >> 3' })).rejects.toBeInstanceOf(FilterSyntaxError);
    });

    it('finds nothing in an empty store', async () => {
      const store = await factory({ embeddingModel: newEmbeddingModel() });
      expect(await store.similaritySearch({ query: 'cat' })).toEqual([]);
      expect(await store.delete({ ids: ['d1'] })).toBe(0);
      expect(await store.add([])).toEqual([]);
    });
  });
}
