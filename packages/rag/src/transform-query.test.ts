import {
  assistantMessage,
  InvalidInputError,
  systemMessage,
  textOf,
  userMessage,
} from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import {
  createCompressionQueryTransformer,
  createRewriteQueryTransformer,
  createTranslationQueryTransformer,
  formatHistory,
} from './transform-query.js';

const sentPrompt = (model: MockChatModel, index = 0) => textOf(model.requests[index]!.messages[0]!);

describe('createRewriteQueryTransformer', () => {
  it('asks for a rewrite for the target system and returns the cleaned reply', async () => {
    const model = new MockChatModel({ replies: ['Rewritten query: "pgvector HNSW index setup"'] });
    const rewrite = createRewriteQueryTransformer({ chatModel: model, targetSearchSystem: 'wiki' });
    const context = new Map([['k', 'v']]);
    const result = await rewrite({ text: 'hey so how do I set up the hnsw thing??', context });
    expect(result).toEqual({ text: 'pgvector HNSW index setup', context });
    expect(sentPrompt(model)).toContain('better results when querying a wiki.');
    expect(sentPrompt(model)).toContain('Original query:\nhey so how do I set up the hnsw thing??');
    expect(sentPrompt(model)).toContain('Keep the query in the language it is written in.');
  });

  it('keeps the original query when the model answers with nothing', async () => {
    const rewrite = createRewriteQueryTransformer({
      chatModel: new MockChatModel({ replies: [''] }),
    });
    expect((await rewrite({ text: '长城有多长' })).text).toBe('长城有多长');
  });

  it('passes the abort signal to the model', async () => {
    const model = new MockChatModel({ replies: ['x'] });
    const controller = new AbortController();
    await createRewriteQueryTransformer({ chatModel: model })(
      { text: 'q' },
      { signal: controller.signal },
    );
    expect(model.requests[0]?.signal).toBe(controller.signal);
  });

  it('rejects a custom template without its placeholders at construction', () => {
    expect(() =>
      createRewriteQueryTransformer({ chatModel: new MockChatModel(), promptTemplate: '{query}' }),
    ).toThrow(InvalidInputError);
  });
});

describe('createCompressionQueryTransformer', () => {
  const history = [
    systemMessage('You are helpful.'),
    userMessage('What was Tesla revenue in 2019?'),
    assistantMessage('24.6 billion dollars.'),
  ];

  it('folds the history into a standalone query', async () => {
    const model = new MockChatModel({ replies: ['Tesla revenue in 2020'] });
    const compress = createCompressionQueryTransformer({ chatModel: model });
    const result = await compress({ text: 'And in 2020?', history });
    expect(result.text).toBe('Tesla revenue in 2020');
    expect(result.history).toBe(history);
    expect(sentPrompt(model)).toContain(
      'Conversation history:\nuser: What was Tesla revenue in 2019?\nassistant: 24.6 billion dollars.\n\nFollow-up query:\nAnd in 2020?',
    );
  });

  it('does not call the model when there is no history', async () => {
    const model = new MockChatModel();
    const query = { text: 'And in 2020?', history: [systemMessage('only a system prompt')] };
    expect(await createCompressionQueryTransformer({ chatModel: model })(query)).toBe(query);
    expect(model.requests).toHaveLength(0);
  });
});

describe('createTranslationQueryTransformer', () => {
  it('translates to the target language', async () => {
    const model = new MockChatModel({ replies: ['Where is the Forbidden City?'] });
    const translate = createTranslationQueryTransformer({
      chatModel: model,
      targetLanguage: 'English',
    });
    expect((await translate({ text: '故宫在哪里？' })).text).toBe('Where is the Forbidden City?');
    expect(sentPrompt(model)).toContain('translate it to English.');
    expect(sentPrompt(model)).toContain('Original query: 故宫在哪里？');
  });
});

describe('formatHistory', () => {
  it('keeps user and assistant text only', () => {
    const toolTurn = assistantMessage([{ type: 'tool-call', id: '1', name: 't', arguments: {} }]);
    expect(
      formatHistory([systemMessage('s'), userMessage('hi'), toolTurn, assistantMessage('yo')]),
    ).toBe('user: hi\nassistant: yo');
  });
});
