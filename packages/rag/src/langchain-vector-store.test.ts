// fromLangChainVectorStore over a minimal LangChain VectorStore written here (MemoryVectorStore
// lives in @langchain/classic, which this package does not depend on): what reaches LangChain,
// and what comes back.
import type { DocumentInterface } from '@langchain/core/documents';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';
import { InvalidInputError } from '@repo/core';
import { MockEmbeddingModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { fromLangChainVectorStore } from './langchain-vector-store.js';
import { UnsupportedFilterError } from './rag-errors.js';
import { UnsupportedSearchModeError } from './search-modes.js';
import { deriveDocumentId } from './vector-store-support.js';

class MockEmbeddings extends Embeddings {
  readonly model = new MockEmbeddingModel({ dimensions: 256 });
  constructor() {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.model.embed({ input: texts })).embeddings;
  }
  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedDocuments([text]))[0] ?? [];
  }
}

/** Exact cosine search over unit vectors, recording every call; can forget ids like some stores. */
class TinyVectorStore extends VectorStore {
  declare embeddings: MockEmbeddings;
  readonly rows = new Map<string, { vector: number[]; document: DocumentInterface }>();
  readonly calls: { method: string; ids: unknown; texts?: string[] }[] = [];
  dropIds = false;

  constructor() {
    super(new MockEmbeddings(), {});
  }
  _vectorstoreType(): string {
    return 'tiny';
  }
  async addDocuments(documents: DocumentInterface[], options?: { ids?: string[] }) {
    this.calls.push({
      method: 'addDocuments',
      ids: options?.ids,
      texts: documents.map((d) => d.pageContent),
    });
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.store(vectors, documents, options?.ids);
  }
  async addVectors(
    vectors: number[][],
    documents: DocumentInterface[],
    options?: { ids?: string[] },
  ) {
    this.calls.push({
      method: 'addVectors',
      ids: options?.ids,
      texts: documents.map((d) => d.pageContent),
    });
    return this.store(vectors, documents, options?.ids);
  }
  private store(vectors: number[][], documents: DocumentInterface[], ids: string[] = []) {
    return documents.map((document, i) => {
      const id = ids[i] ?? document.id ?? `auto${this.rows.size}`;
      this.rows.set(id, { vector: vectors[i] ?? [], document });
      return id;
    });
  }
  override async delete(params?: { ids?: string[] }) {
    this.calls.push({ method: 'delete', ids: params?.ids });
    for (const id of params?.ids ?? []) this.rows.delete(id);
  }
  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
  ): Promise<[DocumentInterface, number][]> {
    return [...this.rows.entries()]
      .map(([id, row]): [DocumentInterface, number] => [
        new Document({ ...row.document, ...(this.dropIds ? { id: undefined } : { id }) }),
        row.vector.reduce((sum, value, i) => sum + value * (query[i] ?? 0), 0),
      ])
      .sort((a, b) => b[1] - a[1])
      .slice(0, k);
  }
}

async function seeded() {
  const tiny = new TinyVectorStore();
  const store = fromLangChainVectorStore(tiny, { name: 'tiny' });
  const [precomputed] = await tiny.embeddings.embedDocuments(['stock prices']);
  const ids = await store.add([
    { id: 'cat', text: 'dogs chase the cat', metadata: { source: 'pets.md' } },
    { text: 'the cat sat on the mat', metadata: { source: 'mat.md', page: 2 } },
    {
      id: 'stock',
      text: 'ignored text for the vector',
      metadata: {},
      embedding: precomputed ?? [],
    },
  ]);
  return { tiny, store, ids };
}

describe('fromLangChainVectorStore', () => {
  it('adds documents as LangChain Documents with ids, and precomputed vectors through addVectors', async () => {
    const { tiny, store, ids } = await seeded();
    expect(store.name).toBe('langchain:tiny');
    const derived = deriveDocumentId({
      text: 'the cat sat on the mat',
      metadata: { source: 'mat.md', page: 2 },
    });
    expect(ids).toEqual(['cat', derived, 'stock']);
    expect(tiny.calls).toEqual([
      {
        method: 'addDocuments',
        ids: ['cat', derived],
        texts: ['dogs chase the cat', 'the cat sat on the mat'],
      },
      { method: 'addVectors', ids: ['stock'], texts: ['ignored text for the vector'] },
    ]);
    expect(tiny.rows.get(derived)?.document).toMatchObject({
      pageContent: 'the cat sat on the mat',
      metadata: { source: 'mat.md', page: 2 },
      id: derived,
    });
  });

  it('searches by text or vector with top-k and threshold, mapping back ids, text, metadata and score', async () => {
    const { store, tiny } = await seeded();
    const hits = await store.similaritySearch({ query: 'cat', topK: 2 });
    expect(hits.map((hit) => hit.id)).toEqual(['cat', expect.any(String)]);
    expect(hits[0]).toEqual({
      id: 'cat',
      text: 'dogs chase the cat',
      metadata: { source: 'pets.md' },
      score: expect.closeTo(0.5, 5),
    });
    expect(hits[1]?.score).toBeCloseTo(1 / Math.sqrt(8), 5);
    expect(
      (await store.similaritySearch({ query: 'cat', threshold: 0.4 })).map((hit) => hit.id),
    ).toEqual(['cat']);
    const [vector] = await tiny.embeddings.embedDocuments(['stock']);
    const [top] = await store.similaritySearch({ query: vector ?? [], topK: 1 });
    expect(top).toMatchObject({ id: 'stock', score: expect.closeTo(Math.SQRT1_2, 5) });
  });

  it('derives the id when the LangChain store hands documents back without one', async () => {
    const { store, tiny } = await seeded();
    tiny.dropIds = true;
    const [hit] = await store.similaritySearch({ query: 'mat', topK: 1 });
    expect(hit?.id).toBe(
      deriveDocumentId({ text: 'the cat sat on the mat', metadata: { source: 'mat.md', page: 2 } }),
    );
  });

  it('deletes by ids through LangChain delete({ ids }), returning how many were asked for', async () => {
    const { store, tiny } = await seeded();
    expect(await store.delete({ ids: ['cat', 'stock'] })).toBe(2);
    expect(tiny.calls.at(-1)).toEqual({ method: 'delete', ids: ['cat', 'stock'] });
    expect([...tiny.rows.keys()]).toHaveLength(1);
    expect(await store.delete({ ids: [] })).toBe(0);
  });

  it('refuses a filter with UnsupportedFilterError (400) instead of ignoring it', async () => {
    const { store, tiny } = await seeded();
    const search = store.similaritySearch({ query: 'cat', filter: "source == 'pets.md'" });
    await expect(search).rejects.toBeInstanceOf(UnsupportedFilterError);
    await expect(search).rejects.toBeInstanceOf(InvalidInputError);
    await expect(search).rejects.toThrow(
      'langchain:tiny does not support the portable filter language: each LangChain vector store has its own filter format',
    );
    await expect(store.delete({ filter: "source == 'pets.md'" })).rejects.toMatchObject({
      store: 'langchain:tiny',
      details: [{ field: 'filter' }],
    });
    expect(tiny.rows.size).toBe(3);
  });

  it('searches by vector only: lexical or hybrid is UnsupportedSearchModeError (400), vector works', async () => {
    const { store, tiny } = await seeded();
    const calls = tiny.calls.length;
    for (const mode of ['lexical', 'hybrid'] as const) {
      const search = store.similaritySearch({ query: '猫 cat', mode });
      await expect(search).rejects.toBeInstanceOf(UnsupportedSearchModeError);
      await expect(search).rejects.toMatchObject({
        code: 'unsupported_search_mode',
        store: 'langchain:tiny',
        mode,
        details: [{ field: 'mode' }],
      });
    }
    expect(tiny.calls).toHaveLength(calls);
    const hits = await store.similaritySearch({ query: 'cat', mode: 'vector', topK: 10 });
    const floored = await store.similaritySearch({
      query: 'cat',
      topK: 10,
      minRelevance: { vector: 0.4 },
    });
    expect(floored.length).toBeLessThan(hits.length);
    expect(floored.every((hit) => hit.score >= 0.4)).toBe(true);
  });

  it('stops before calling LangChain when the signal has fired', async () => {
    const { store, tiny } = await seeded();
    const controller = new AbortController();
    controller.abort();
    await expect(
      store.add([{ text: 'late', metadata: {} }], { signal: controller.signal }),
    ).rejects.toThrow();
    expect(tiny.calls).toHaveLength(2);
  });
});
