// The pipeline against a real provider client (local-llm over @repo/providers) and the package's
// in-memory store: the provider's retries under the pipeline, citations metadata, and the
// idempotence fallback for a store that cannot list its ids.
import { createProvider } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import { ingestDocuments } from './ingest-documents.js';
import { createMemoryVectorStore } from './memory-vector-store.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const sources = [
  {
    bytes: utf8(
      '# Serving\n\nvLLM serves models with paged attention.\n\n## 部署\n\n推理服务监听八千端口。',
    ),
    filename: 'serving.md',
  },
  { bytes: utf8('Quantisation shrinks model weights to save GPU memory.'), filename: 'quant.txt' },
];

function setup() {
  // The provider's retries are the only ones (the pipeline has none); no waiting between them.
  const provider = createProvider('local', { retry: { maxRetries: 2, sleep: async () => {} } });
  const embeddingModel = provider.embedding();
  const store = createMemoryVectorStore({ embeddingModel });
  const embeddingRequests = () =>
    provider.localLlm!.requests().filter((r) => r.path.endsWith('/embeddings'));
  return { provider, embeddingModel, store, embeddingRequests };
}

describe('ingestDocuments on local-llm and the memory store', () => {
  it('gets past a 503 by the provider’s retry, then finds the chunks with their citation metadata', async () => {
    const { provider, embeddingModel, store, embeddingRequests } = setup();
    provider.localLlm!.faults({ status: 503, times: 1 });
    const report = await ingestDocuments({ store, embeddingModel, sources });
    expect(report).toMatchObject({ documents: 3, chunks: 3, added: 3, unchanged: 0, skipped: [] });
    expect(report.tokens).toBeGreaterThan(0);
    expect(embeddingRequests()).toHaveLength(2);
    expect((embeddingRequests()[1]!.body as { input: string[] }).input).toEqual([
      '# Serving\n\nvLLM serves models with paged attention.',
      '## 部署\n\n推理服务监听八千端口。',
      'Quantisation shrinks model weights to save GPU memory.',
    ]);

    const [hit] = await store.similaritySearch({ query: '推理服务的端口', topK: 1 });
    expect(hit!.metadata).toMatchObject({
      source: 'serving.md',
      section: 'Serving > 部署',
      chunkIndex: 0,
    });
    expect(hit!.id).toBe(report.ids[1]);
  });

  it('adds nothing on a second run: the store knows the ids, nothing is embedded again', async () => {
    const { embeddingModel, store } = setup();
    await ingestDocuments({ store, embeddingModel, sources });
    const second = await ingestDocuments({ store, embeddingModel, sources });
    expect(second).toMatchObject({ added: 0, unchanged: 3, tokens: 0 });
    expect(await store.similaritySearch({ query: 'model', topK: 10 })).toHaveLength(3);
  });

  it('lets the store embed when no embedding model is given, counting o200k tokens', async () => {
    const { store } = setup();
    const report = await ingestDocuments({ store, sources: sources.slice(1) });
    expect(report).toMatchObject({ added: 1, tokens: 11 });
    expect(await store.similaritySearch({ query: 'GPU memory', topK: 5 })).toHaveLength(1);
  });
});
