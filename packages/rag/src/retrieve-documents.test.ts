import { InvalidInputError } from '@repo/core';
import { MockEmbeddingModel } from '@repo/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryVectorStore } from './memory-vector-store.js';
import { RAG_CONTEXT_KEYS } from './modular-rag-types.js';
import type { SearchRequest, VectorStore } from './rag-types.js';
import { createVectorStoreDocumentRetriever } from './retrieve-documents.js';

let store: VectorStore;
const requests: SearchRequest[] = [];

beforeAll(async () => {
  const memory = createMemoryVectorStore({
    embeddingModel: new MockEmbeddingModel({ dimensions: 64 }),
  });
  await memory.add([
    { id: 'cat-en', text: 'cats purr and sleep', metadata: { lang: 'en', topic: 'cats' } },
    { id: 'cat-fr', text: 'cats purr loudly', metadata: { lang: 'fr', topic: 'cats' } },
    { id: 'dog-en', text: 'dogs bark', metadata: { lang: 'en', topic: 'dogs' } },
  ]);
  // Records what the retriever asks for, then searches for real.
  store = {
    ...memory,
    similaritySearch: (request) => {
      requests.push(request);
      return memory.similaritySearch(request);
    },
  };
});

describe('createVectorStoreDocumentRetriever', () => {
  it('searches with the query text, topK and threshold', async () => {
    const retrieve = createVectorStoreDocumentRetriever({
      vectorStore: store,
      topK: 1,
      similarityThreshold: 0.1,
    });
    const documents = await retrieve({ text: 'cats purr' });
    expect(documents.map((d) => d.id)).toEqual(['cat-fr']);
    expect(requests.at(-1)).toEqual({ query: 'cats purr', topK: 1, threshold: 0.1 });
  });

  it('passes mode, weights and relevance cut-off: hybrid search drops an unrelated question', async () => {
    const retrieve = createVectorStoreDocumentRetriever({
      vectorStore: store,
      mode: 'hybrid',
      weights: { vector: 1, lexical: 2 },
      minRelevance: { lexical: 0.4 },
    });
    expect((await retrieve({ text: 'cats purr loudly' })).map((d) => d.id)).toEqual([
      'cat-fr',
      'cat-en',
    ]);
    expect(requests.at(-1)).toEqual({
      query: 'cats purr loudly',
      mode: 'hybrid',
      weights: { vector: 1, lexical: 2 },
      minRelevance: { lexical: 0.4 },
    });
    expect(await retrieve({ text: '法国的首都是哪里？ capital of France' })).toEqual([]);
  });

  it('applies a static filter', async () => {
    const retrieve = createVectorStoreDocumentRetriever({
      vectorStore: store,
      filter: "lang == 'en'",
    });
    expect((await retrieve({ text: 'cats purr' })).map((d) => d.id)).toEqual(['cat-en', 'dog-en']);
  });

  it('lets a per-request filter in the context replace the static one', async () => {
    const retrieve = createVectorStoreDocumentRetriever({
      vectorStore: store,
      filter: "lang == 'en'",
    });
    const context = new Map([[RAG_CONTEXT_KEYS.filter, "lang == 'fr'"]]);
    expect((await retrieve({ text: 'cats purr', context })).map((d) => d.id)).toEqual(['cat-fr']);
    expect(requests.at(-1)?.filter).toBe("lang == 'fr'");
  });

  it('computes the filter from the query when given a function', async () => {
    const retrieve = createVectorStoreDocumentRetriever({
      vectorStore: store,
      filter: (query) => ({
        type: 'compare',
        op: '==',
        key: 'topic',
        value: query.text.includes('dog') ? 'dogs' : 'cats',
      }),
    });
    expect((await retrieve({ text: 'dog sounds' })).map((d) => d.id)).toEqual(['dog-en']);
  });

  it('rejects a per-request filter of the wrong type', async () => {
    const retrieve = createVectorStoreDocumentRetriever({ vectorStore: store });
    const context = new Map<string, unknown>([[RAG_CONTEXT_KEYS.filter, 42]]);
    await expect(retrieve({ text: 'cats', context })).rejects.toThrow(InvalidInputError);
  });

  it('passes the abort signal to the store', async () => {
    const signal = new AbortController().signal;
    await createVectorStoreDocumentRetriever({ vectorStore: store })({ text: 'cats' }, { signal });
    expect(requests.at(-1)?.signal).toBe(signal);
  });
});
