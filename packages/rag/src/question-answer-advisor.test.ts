import { createChatClient } from '@repo/chat';
import { assistantMessage, systemMessage, textOf, userMessage } from '@repo/core';
import type { ChatStreamEvent } from '@repo/core';
import { MockChatModel, MockEmbeddingModel } from '@repo/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCitations, readRetrievedDocuments } from './cite-sources.js';
import { createMemoryVectorStore } from './memory-vector-store.js';
import { RAG_CONTEXT_KEYS } from './modular-rag-types.js';
import { createQuestionAnswerAdvisor } from './question-answer-advisor.js';
import { createListwiseReranker } from './rerank-documents.js';
import {
  EMPTY_CONTEXT_ANSWER,
  EMPTY_CONTEXT_PROMPT,
  QUESTION_ANSWER_PROMPT,
  renderPrompt,
} from './rag-prompts.js';
import type { SearchRequest, VectorStore } from './rag-types.js';

let store: VectorStore;
let searches: SearchRequest[];

beforeEach(async () => {
  const memory = createMemoryVectorStore({
    embeddingModel: new MockEmbeddingModel({ dimensions: 64 }),
  });
  await memory.add([
    {
      id: 'tower',
      text: 'The Eiffel Tower is 330 metres tall.',
      metadata: { source: 'paris.md', section: 'Paris > Tower' },
    },
    {
      id: 'wall',
      text: 'The Great Wall is 21196 kilometres long.',
      metadata: { source: 'china.pdf', page: 2 },
    },
  ]);
  searches = [];
  // A recording store: the seed's endpoint searched twice per request; this one must search once.
  store = {
    ...memory,
    similaritySearch: (request) => (searches.push(request), memory.similaritySearch(request)),
  };
});

const lastUserText = (model: MockChatModel) => {
  const messages = model.requests[0]!.messages;
  return textOf(messages[messages.length - 1]!);
};

describe('createQuestionAnswerAdvisor', () => {
  it('searches once per call, augments the user message and leaves citations in the context', async () => {
    const model = new MockChatModel({ replies: ['330 metres.'] });
    const chat = createChatClient(model, {
      system: 'Be brief.',
      advisors: [createQuestionAnswerAdvisor({ vectorStore: store, topK: 1 })],
    });
    const response = await chat.prompt('How tall is the Eiffel Tower?').call();

    expect(searches).toEqual([{ query: 'How tall is the Eiffel Tower?', topK: 1 }]);
    expect(response.content).toBe('330 metres.');
    expect(model.requests[0]!.messages[0]).toEqual(systemMessage('Be brief.'));
    expect(lastUserText(model)).toBe(
      renderPrompt(QUESTION_ANSWER_PROMPT, {
        query: 'How tall is the Eiffel Tower?',
        context: 'The Eiffel Tower is 330 metres tall.',
      }),
    );
    expect(readCitations(response.context)).toEqual([
      { source: 'paris.md', section: 'Paris > Tower', score: expect.any(Number) },
    ]);
    expect(readCitations(response.context)[0]!.score).toBeGreaterThan(0.3);
    expect(readRetrievedDocuments(response.context).map((d) => d.id)).toEqual(['tower']);
  });

  it('passes the search mode and cut-off to the store, and runs post-processors (a reranker)', async () => {
    const model = new MockChatModel({ replies: ['2, 1', 'Both.'] });
    const chat = createChatClient(model, {
      advisors: [
        createQuestionAnswerAdvisor({
          vectorStore: store,
          topK: 2,
          mode: 'hybrid',
          minRelevance: { vector: 0, lexical: 0 },
          documentPostProcessors: [createListwiseReranker({ chatModel: model })],
        }),
      ],
    });
    const response = await chat
      .prompt('How tall is the Eiffel Tower and how long is the wall?')
      .call();
    expect(searches).toEqual([
      {
        query: 'How tall is the Eiffel Tower and how long is the wall?',
        topK: 2,
        mode: 'hybrid',
        minRelevance: { vector: 0, lexical: 0 },
      },
    ]);
    const retrieved = readRetrievedDocuments(response.context).map((d) => d.id);
    expect(new Set(retrieved)).toEqual(new Set(['tower', 'wall']));
    const ranking = textOf(model.requests[0]!.messages[0]!);
    const second = ranking.includes('[2] The Great Wall') ? 'wall' : 'tower';
    expect(retrieved[0]).toBe(second); // the reply "2, 1" put the second passage first
    expect(response.content).toBe('Both.');
  });

  it('searches once per stream and gives the same citations through collect()', async () => {
    const model = new MockChatModel({ defaultReply: '330 metres.' });
    const retrieved: string[][] = [];
    const advisor = createQuestionAnswerAdvisor({
      vectorStore: store,
      topK: 1,
      onRetrieved: ({ citations }) => retrieved.push(citations.map((c) => c.source)),
    });
    const chat = createChatClient(model, { advisors: [advisor] });

    const events: ChatStreamEvent[] = [];
    for await (const event of chat.prompt('How tall is the Eiffel Tower?').stream())
      events.push(event);
    expect(searches).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('finish');
    expect(retrieved).toEqual([['paris.md']]);

    const collected = await chat.prompt('How long is the Great Wall?').stream().collect();
    expect(searches).toHaveLength(2);
    expect(collected.content).toBe('330 metres.');
    expect(readCitations(collected.context)).toEqual([
      { source: 'china.pdf', page: 2, score: expect.any(Number) },
    ]);
    expect(textOf(model.requests[1]!.messages[0]!)).toContain(
      'The Great Wall is 21196 kilometres long.',
    );
  });

  it('keeps history and augments only the last user message', async () => {
    const model = new MockChatModel({ replies: ['ok'] });
    const chat = createChatClient(model, {
      advisors: [createQuestionAnswerAdvisor({ vectorStore: store })],
    });
    await chat
      .prompt('How long is the Great Wall?')
      .messages([userMessage('Hi'), assistantMessage('Hello!')])
      .call();
    expect(model.requests[0]!.messages.slice(0, 2)).toEqual([
      userMessage('Hi'),
      assistantMessage('Hello!'),
    ]);
    expect(
      lastUserText(model).startsWith('How long is the Great Wall?\n\nContext information'),
    ).toBe(true);
  });

  it('takes a per-request filter from the advisor context', async () => {
    const model = new MockChatModel({ replies: ['ok'] });
    const chat = createChatClient(model, {
      advisors: [createQuestionAnswerAdvisor({ vectorStore: store })],
    });
    const response = await chat
      .prompt('How tall is the Eiffel Tower?')
      .advisorContext({ [RAG_CONTEXT_KEYS.filter]: "source == 'china.pdf'" })
      .call();
    expect(searches[0]?.filter).toBe("source == 'china.pdf'");
    expect(readCitations(response.context).map((c) => c.source)).toEqual(['china.pdf']);
  });
});

describe('empty context', () => {
  const unrelated = 'zebra migration routes';

  it('answers without calling the model by default, in call and stream', async () => {
    const model = new MockChatModel();
    const advisor = createQuestionAnswerAdvisor({ vectorStore: store, similarityThreshold: 0.99 });
    const chat = createChatClient(model, { advisors: [advisor] });

    const called = await chat.prompt(unrelated).call();
    expect(called.content).toBe(EMPTY_CONTEXT_ANSWER);
    expect(called.response.usage.totalTokens).toBe(0);
    expect(readCitations(called.context)).toEqual([]);

    let streamed = '';
    for await (const text of chat.prompt(unrelated).stream().textStream()) streamed += text;
    expect(streamed).toBe(EMPTY_CONTEXT_ANSWER);
    expect(model.requests).toHaveLength(0);
    expect(searches).toHaveLength(2);
  });

  it('asks the model with the empty-context template when one is given', async () => {
    const model = new MockChatModel({ replies: ["Sorry, I can't answer that."] });
    const advisor = createQuestionAnswerAdvisor({
      vectorStore: store,
      similarityThreshold: 0.99,
      emptyContextTemplate: EMPTY_CONTEXT_PROMPT,
    });
    const response = await createChatClient(model, { advisors: [advisor] })
      .prompt(unrelated)
      .call();
    expect(response.content).toBe("Sorry, I can't answer that.");
    expect(lastUserText(model)).toBe(EMPTY_CONTEXT_PROMPT);
  });

  it('sends the bare question with allowEmptyContext', async () => {
    const model = new MockChatModel({ replies: ['From memory.'] });
    const advisor = createQuestionAnswerAdvisor({
      vectorStore: store,
      similarityThreshold: 0.99,
      allowEmptyContext: true,
    });
    await createChatClient(model, { advisors: [advisor] })
      .prompt(unrelated)
      .call();
    expect(lastUserText(model)).toBe(unrelated);
  });
});
