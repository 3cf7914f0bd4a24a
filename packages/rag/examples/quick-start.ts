// Quick start: English and Chinese documents into the in-memory store with the embedded model's
// embeddings, then questions through a chat client with the question-answer advisor, answered with
// citations. Offline on local-llm; `createProvider('qwen')` runs the same code on a hosted model.
// Spring AI: SimpleVectorStore + QuestionAnswerAdvisor.
import { createChatClient } from '@repo/chat';
import { createProvider } from '@repo/providers';
import {
  createMemoryVectorStore,
  createQuestionAnswerAdvisor,
  ingestDocuments,
  readCitations,
  type Citation,
} from '../src/index.js';

const documents = [
  {
    text: 'To install the CLI, run npm install -g acme-cli. The installer needs Node 20 or newer.',
    metadata: { source: 'guide.md', section: 'Guide > Install' },
  },
  {
    text: 'The Pro plan costs 20 dollars per month. Teams with more than ten seats get a discount.',
    metadata: { source: 'pricing.pdf', page: 3 },
  },
  {
    text: '故宫位于北京市中心。故宫是明清两代的皇家宫殿。',
    metadata: { source: 'beijing.md', section: '北京 > 故宫' },
  },
  {
    text: '长城全长约21196公里。长城的修建持续了两千多年。',
    metadata: { source: 'great-wall.pdf', page: 2 },
  },
];

// Two decimals say enough about how close a hit was.
const rounded = (citations: Citation[]) =>
  citations.map((citation) => ({ ...citation, score: Number(citation.score.toFixed(2)) }));

export async function main() {
  const provider = createProvider('local');
  const embeddingModel = provider.embedding(); // local-embedding, 384 dimensions
  const store = createMemoryVectorStore({ embeddingModel });
  const report = await ingestDocuments({ store, embeddingModel, documents });

  const retrieved: string[][] = [];
  const chat = createChatClient(provider.chat(), {
    advisors: [
      createQuestionAnswerAdvisor({
        vectorStore: store,
        topK: 2,
        similarityThreshold: 0.25,
        // Once per request, after the search, before the model: where SSE sends citations first.
        onRetrieved: ({ citations }) => retrieved.push(citations.map((c) => c.source)),
      }),
    ],
  });

  // call(): the answer, and the citations the advisor left in the response's context.
  const english = await chat.prompt('How much does the Pro plan cost?').call();
  // stream(): the same retrieval; collect() gives the context once the stream ends.
  const chinese = await chat.prompt('故宫位于哪里？').stream().collect();
  // Nothing above the threshold: a fixed answer, without calling the model.
  const unknown = await chat.prompt('What is the capital of France?').call();
  const chatRequests = provider.localLlm?.requests().filter((r) => r.path.endsWith('/completions'));

  return {
    added: report.added,
    english: english.content,
    englishCitations: rounded(readCitations(english.context)),
    chinese: chinese.content,
    chineseCitations: rounded(readCitations(chinese.context)),
    unknown: unknown.content,
    retrieved,
    modelCalls: chatRequests?.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
