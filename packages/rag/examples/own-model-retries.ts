// Retries belong to the model, not to the pipeline: ingestDocuments sends each batch once, so
// retries from two layers never multiply. An EmbeddingModel of your own (here a few lines of fetch
// against the embedded local-llm, told to answer 503 twice) has none until you give it some:
// wrapping embed() in @repo/providers' withRetry gives it the providers' policy (429, 5xx, backoff,
// Retry-After; at most 1 + maxRetries requests per batch).
import { ProviderError, type EmbeddingModel } from '@repo/core';
import { createLocalLlm } from '@repo/local-llm';
import { withRetry } from '@repo/providers';
import { createMemoryVectorStore, ingestDocuments } from '../src/index.js';

const llm = createLocalLlm();

interface EmbeddingsBody {
  data: { embedding: number[] }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

/** Your own model: no retries. A 429 or 5xx becomes a retryable ProviderError (core). */
const myModel: EmbeddingModel = {
  provider: 'mine',
  modelId: 'local-embedding',
  async embed({ input, signal }) {
    const response = await llm.fetch(`${llm.baseURL}/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'local-embedding', input }),
      signal,
    });
    if (!response.ok) {
      const { status } = response;
      throw new ProviderError(`HTTP ${status}`, {
        status,
        retryable: status === 429 || status >= 500,
      });
    }
    const body = (await response.json()) as EmbeddingsBody;
    return {
      embeddings: body.data.map((item) => item.embedding),
      provider: 'mine',
      model: body.model,
      usage: { promptTokens: body.usage.prompt_tokens, totalTokens: body.usage.total_tokens },
    };
  },
};

/** The same model, retried the way @repo/providers retries its own. */
const retrying: EmbeddingModel = {
  provider: myModel.provider,
  modelId: myModel.modelId,
  embed: (request) => withRetry(() => myModel.embed(request), { maxRetries: 2 }, request.signal),
};

export async function main() {
  const documents = [
    { text: 'The dock charges the robot in 3 hours.', metadata: { source: 'a.md' } },
  ];
  const ingest = (embeddingModel: EmbeddingModel) =>
    ingestDocuments({
      store: createMemoryVectorStore({ embeddingModel }),
      embeddingModel,
      documents,
    });

  llm.reset();
  llm.faults({ status: 503, times: 2 });
  const alone = await ingest(myModel).catch((error: Error) => error.message); // 'HTTP 503'
  const aloneRequests = llm.requestCounts().total; // 1: the pipeline did not retry
  llm.reset();

  llm.faults({ status: 503, times: 2 });
  const wrapped = await ingest(retrying); // fails twice, then works
  return {
    alone,
    aloneRequests,
    wrapped: { added: wrapped.added, requests: llm.requestCounts().total }, // 3 = 1 + 2 retries
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
