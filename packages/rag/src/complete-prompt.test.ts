import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { cleanQueryLine, completePrompt, parseSingleQuery } from './complete-prompt.js';

describe('completePrompt', () => {
  it('sends one user message at temperature 0 and drops inline reasoning', async () => {
    const model = new MockChatModel({ replies: ['<think>hmm, let me see</think>\nrewritten'] });
    expect(await completePrompt(model, 'Rewrite: x')).toBe('rewritten');
    expect(model.requests[0]?.messages).toEqual([
      { role: 'user', parts: [{ type: 'text', text: 'Rewrite: x' }] },
    ]);
    expect(model.requests[0]?.options).toEqual({ temperature: 0 });
  });

  it('lets options override the temperature', async () => {
    const model = new MockChatModel({ replies: ['ok'] });
    await completePrompt(model, 'p', { options: { temperature: 0.7, model: 'small' } });
    expect(model.requests[0]?.options).toEqual({ temperature: 0.7, model: 'small' });
  });
});

describe('cleanQueryLine', () => {
  it.each([
    ['1. what is rag', 'what is rag'],
    ['2) vector search basics', 'vector search basics'],
    ['- "hybrid search"', 'hybrid search'],
    ['* Query: reranking', 'reranking'],
    ['3、故宫的位置', '故宫的位置'],
    ['Rewritten query: “tesla revenue 2020”', 'tesla revenue 2020'],
    ['改写后的查询：长城长度', '长城长度'],
    ['3.5 inch screens', '3.5 inch screens'],
  ])('%s → %s', (line, expected) => {
    expect(cleanQueryLine(line)).toBe(expected);
  });
});

describe('parseSingleQuery', () => {
  it('skips an introduction that ends with a colon', () => {
    expect(parseSingleQuery('Here is the rewritten query:\n\nrag citations', 'orig')).toBe(
      'rag citations',
    );
  });

  it('keeps the original when the reply holds nothing usable', () => {
    expect(parseSingleQuery('  \n"" \n', 'original question')).toBe('original question');
  });
});
