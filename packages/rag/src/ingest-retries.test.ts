// One retry owner, proved over real HTTP: ingestDocuments through @repo/providers' SDK-based
// embedding model to local-llm on a port, with injected 500s and 429s, counted where they land
// (local-llm's /_local/request-counts). With the model's maxRetries = N, a batch that keeps failing
// reaches the server exactly 1 + N times (the pipeline adds no loop of its own), and one that fails
// twice and then works gets through.
import { ProviderUnavailableError, RateLimitError } from '@repo/core';
import { startLocalLlmServer, type LocalLlmServer, type RequestCounts } from '@repo/local-llm';
import { createOpenAICompatibleEmbeddingModel } from '@repo/providers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestDocuments } from './ingest-documents.js';
import { createMemoryVectorStore } from './memory-vector-store.js';

let server: LocalLlmServer;
beforeAll(async () => {
  server = await startLocalLlmServer({ port: 0, control: true });
});
afterAll(() => server.close());
beforeEach(() => control('/_local/reset', { method: 'POST' }));

async function control(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, init);
  expect(response.status).toBe(200);
  return response.json();
}

const injectFaults = (faults: object) =>
  control('/_local/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });

const embeddingRequests = async () =>
  ((await control('/_local/request-counts')) as RequestCounts).byPath['/v1/embeddings'] ?? 0;

const documents = ['Alpha text.', 'Beta text.', '丙文本。'].map((text, i) => ({
  text,
  metadata: { source: `${i}.txt` },
}));

/**
 * Three one-text batches, one at a time: when the run fails no other batch is still in flight
 * (a batch in flight finishes its own retries after the run failed, and would be counted late).
 */
function ingestWith(maxRetries: number) {
  const embeddingModel = createOpenAICompatibleEmbeddingModel({
    provider: 'local',
    model: 'local-embedding',
    apiKey: 'test',
    baseURL: server.baseURL,
    retry: { maxRetries, initialDelayMs: 1, maxDelayMs: 5 },
  });
  const store = createMemoryVectorStore({ embeddingModel });
  const run = ingestDocuments({ store, embeddingModel, documents, batchSize: 1, concurrency: 1 });
  return { store, run };
}

describe('ingest embedding batches over HTTP: the model’s retry is the only one', () => {
  it.each([0, 1, 3])(
    'a lasting 500 reaches the server 1 + %i times, then the run fails',
    async (maxRetries) => {
      await injectFaults({ status: 500 });
      const { store, run } = ingestWith(maxRetries);
      await expect(run).rejects.toBeInstanceOf(ProviderUnavailableError);
      expect(await embeddingRequests()).toBe(1 + maxRetries); // the first batch; no other starts
      await control('/_local/reset', { method: 'POST' }); // the search embeds its query
      expect(await store.similaritySearch({ query: 'text', topK: 5 })).toEqual([]);
    },
  );

  it('a lasting 429 reaches the server 1 + 2 times, then the RateLimitError comes back', async () => {
    await injectFaults({ status: 429 });
    const { run } = ingestWith(2);
    await expect(run).rejects.toBeInstanceOf(RateLimitError);
    expect(await embeddingRequests()).toBe(3); // one batch, then no new one starts
  });

  it.each([500, 429])('a %i twice, then success: the ingest gets through', async (status) => {
    await injectFaults({ status, times: 2 });
    const { store, run } = ingestWith(2);
    const report = await run;
    expect(report).toMatchObject({ added: 3, unchanged: 0 });
    expect(await embeddingRequests()).toBe(3 + 1 + 1); // batch 1 on its third try, then 2 and 3
    const [hit] = await store.similaritySearch({ query: 'Beta text.', topK: 1 });
    expect(hit?.text).toBe('Beta text.');
  });

  it('maxRetries 1 against a failure that lasts two requests is not enough', async () => {
    await injectFaults({ status: 500, times: 2 });
    const { run } = ingestWith(1);
    await expect(run).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(await embeddingRequests()).toBe(2);
  });
});
