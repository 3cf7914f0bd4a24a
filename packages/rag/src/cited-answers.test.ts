// End to end on the embedded model: ChatClient → RAG advisor → memory vector store with
// local-llm's embeddings → local-llm over the openai SDK, which answers extractively from the
// context block the advisor wrote. Checks what was sent as well as the answer and its citations.
import { createChatClient } from '@repo/chat';
import { createLocalLlm } from '@repo/local-llm';
import { createProvider } from '@repo/providers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCitations } from './cite-sources.js';
import { createMultiQueryExpander } from './expand-query.js';
import { fuseReciprocalRank } from './join-documents.js';
import { createMemoryVectorStore } from './memory-vector-store.js';
import { createQuestionAnswerAdvisor } from './question-answer-advisor.js';
import type { SearchRequest, VectorStore } from './rag-types.js';
import { createRetrievalAugmentationAdvisor } from './retrieval-augmentation-advisor.js';
import { createVectorStoreDocumentRetriever } from './retrieve-documents.js';
import { createRewriteQueryTransformer } from './transform-query.js';

const llm = createLocalLlm();
const provider = createProvider('local', { localLlm: llm });
const model = provider.chat();
let store: VectorStore;
let searches: SearchRequest[];

beforeAll(async () => {
  const memory = createMemoryVectorStore({ embeddingModel: provider.embedding() });
  await memory.add([
    {
      text: 'To install the CLI, run npm install -g acme-cli. The installer needs Node 20 or newer.',
      metadata: { source: 'guide.md', section: 'Guide > Install' },
    },
    {
      text: 'The configuration file lives in your home folder. Set the region key to pick a data centre.',
      metadata: { source: 'guide.md', section: 'Guide > Configure' },
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
  ]);
  store = { ...memory, similaritySearch: (r) => (searches.push(r), memory.similaritySearch(r)) };
});

beforeEach(() => {
  searches = [];
  llm.reset();
});

/** The user message local-llm received in the n-th chat completion. */
function sentUserText(n = 0): string {
  const chats = llm.requests().filter((r) => r.path === '/v1/chat/completions');
  const body = chats[n]?.body as { messages: Array<{ role: string; content: string }> };
  return body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
}

describe('question-answer advisor on local-llm', () => {
  const chat = () =>
    createChatClient(model, {
      advisors: [createQuestionAnswerAdvisor({ vectorStore: store, topK: 2 })],
    });

  it('answers an English question from the right document and cites it (call)', async () => {
    const response = await chat().prompt('How much does the Pro plan cost?').call();
    expect(response.content).toBe('Based on the context: The Pro plan costs 20 dollars per month.');
    expect(readCitations(response.context)[0]).toMatchObject({ source: 'pricing.pdf', page: 3 });
    expect(searches).toHaveLength(1);
    const sent = sentUserText();
    expect(
      sent.startsWith('How much does the Pro plan cost?\n\nContext information is below'),
    ).toBe(true);
    expect(sent).toContain('The Pro plan costs 20 dollars per month.');
  });

  it('answers a Chinese question with the Chinese template and cites the section (stream)', async () => {
    let streamed = '';
    const stream = chat().prompt('故宫位于哪里？').stream();
    for await (const text of stream.textStream()) streamed += text;
    expect(streamed).toBe('根据上下文：故宫位于北京市中心。');
    expect(searches).toHaveLength(1);
    expect(sentUserText()).toContain('问题：故宫位于哪里？');

    const collected = await chat().prompt('长城全长多少公里？').stream().collect();
    expect(collected.content).toBe('根据上下文：长城全长约21196公里。');
    expect(readCitations(collected.context)[0]).toMatchObject({
      source: 'great-wall.pdf',
      page: 2,
    });
    expect(searches).toHaveLength(2);
  });

  it('gives the same answer and citations through call() and stream()', async () => {
    const question = 'Which Node version does the installer need?';
    const called = await chat().prompt(question).call();
    const streamed = await chat().prompt(question).stream().collect();
    expect(called.content).toBe('Based on the context: The installer needs Node 20 or newer.');
    expect(streamed.content).toBe(called.content);
    expect(readCitations(streamed.context)).toEqual(readCitations(called.context));
    expect(readCitations(called.context)[0]).toMatchObject({
      source: 'guide.md',
      section: 'Guide > Install',
    });
    expect(searches).toHaveLength(2);
  });
});

describe('retrieval-augmentation advisor on local-llm', () => {
  it('rewrites, expands, fuses and answers the original question with citations', async () => {
    // The embedded model cannot rewrite queries: the two helper replies are scripted, the final
    // answer comes from its context rule.
    llm.script([
      { content: 'Pro plan monthly price' },
      { content: '1. Pro plan price\n2. cost of Pro' },
    ]);
    const advisor = createRetrievalAugmentationAdvisor({
      queryTransformers: [createRewriteQueryTransformer({ chatModel: model })],
      queryExpander: createMultiQueryExpander({ chatModel: model, numberOfQueries: 2 }),
      documentRetriever: createVectorStoreDocumentRetriever({ vectorStore: store, topK: 2 }),
      documentJoiner: fuseReciprocalRank,
    });
    const question = 'Quick one: what does the Pro plan cost per month?';
    const response = await createChatClient(model, { advisors: [advisor] })
      .prompt(question)
      .call();
    expect(searches.map((s) => s.query)).toEqual(['Pro plan price', 'cost of Pro']);
    expect(sentUserText(0)).toContain(`Original query:\n${question}`);
    expect(sentUserText(1)).toContain('Original query: Pro plan monthly price');
    expect(sentUserText(2)).toContain(`Query: ${question}`);
    expect(response.content).toBe('Based on the context: The Pro plan costs 20 dollars per month.');
    expect(readCitations(response.context)[0]).toMatchObject({ source: 'pricing.pdf', page: 3 });
  });
});
