// The in-memory store: the shared contract, plus what only it does (copies, zero vectors).
import { MockEmbeddingModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { describeLexicalSearchContract } from './__fixtures__/lexical-search-contract.js';
import { describeVectorStoreContract } from './__fixtures__/vector-store-contract.js';
import { createMemoryVectorStore } from './memory-vector-store.js';
import { EmbeddingDimensionMismatchError } from './rag-errors.js';

describeVectorStoreContract('memory', async (options) => createMemoryVectorStore(options));
describeLexicalSearchContract('memory', async (options) => createMemoryVectorStore(options));

describe('createMemoryVectorStore', () => {
  it('keeps its own copies: editing a document after add changes nothing stored', async () => {
    const store = createMemoryVectorStore({ embeddingModel: new MockEmbeddingModel() });
    const metadata = { tags: ['a'] };
    await store.add([{ id: 'a', text: 'alpha', metadata }]);
    metadata.tags.push('b');
    const [hit] = await store.similaritySearch({ query: 'alpha' });
    expect(hit?.metadata).toEqual({ tags: ['a'] });
    (hit?.metadata['tags'] as string[]).push('c');
    expect((await store.similaritySearch({ query: 'alpha' }))[0]?.metadata).toEqual({
      tags: ['a'],
    });
  });

  it('scores a zero vector 0 instead of NaN', async () => {
    const store = createMemoryVectorStore({ embeddingModel: new MockEmbeddingModel() });
    await store.add([{ id: 'z', text: 'zero', metadata: {}, embedding: new Array(16).fill(0) }]);
    expect(await store.similaritySearch({ query: 'anything' })).toEqual([
      { id: 'z', text: 'zero', metadata: {}, score: 0 },
    ]);
  });

  it('refuses a query from a model with another vector size than the stored ones', async () => {
    const store = createMemoryVectorStore({ embeddingModel: new MockEmbeddingModel() });
    await store.add([{ id: 'a', text: 'alpha', metadata: {}, embedding: [1, 0, 0] }]);
    await expect(store.similaritySearch({ query: 'alpha' })).rejects.toBeInstanceOf(
      EmbeddingDimensionMismatchError,
    );
  });
});
