import { InvalidInputError, textOf } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { createMultiQueryExpander, parseQueryList } from './expand-query.js';

describe('parseQueryList', () => {
  it('strips numbering, bullets, labels and quotes, skips intros, dedupes and caps', () => {
    const reply = [
      'Here are 3 variants:',
      '',
      '1. How does HNSW indexing work?',
      '2) "HNSW index parameters"',
      '- hnsw INDEX parameters',
      '* Query: ef_search tuning',
      '5. one too many',
    ].join('\n');
    expect(parseQueryList(reply, 3)).toEqual([
      'How does HNSW indexing work?',
      'HNSW index parameters',
      'ef_search tuning',
    ]);
  });

  it('drops variants equal to an excluded query', () => {
    expect(parseQueryList('what is rag\nrag definition', 3, ['What is RAG'])).toEqual([
      'rag definition',
    ]);
  });
});

describe('createMultiQueryExpander', () => {
  it('asks for N variants and returns them with the original query context', async () => {
    const model = new MockChatModel({ replies: ['1. alpha\n2. beta\n3. gamma\n4. delta'] });
    const expand = createMultiQueryExpander({ chatModel: model, numberOfQueries: 3 });
    const context = new Map<string, unknown>();
    const queries = await expand({ text: 'greek letters', context });
    expect(queries.map((q) => q.text)).toEqual(['alpha', 'beta', 'gamma']);
    expect(queries.every((q) => q.context === context)).toBe(true);
    const prompt = textOf(model.requests[0]!.messages[0]!);
    expect(prompt).toContain('generate 3 different versions');
    expect(prompt).toContain('Original query: greek letters');
  });

  it('puts the original first with includeOriginal, without repeating it', async () => {
    const model = new MockChatModel({ replies: ['Greek letters\nalpha\nbeta'] });
    const expand = createMultiQueryExpander({
      chatModel: model,
      numberOfQueries: 2,
      includeOriginal: true,
    });
    expect((await expand({ text: 'greek letters' })).map((q) => q.text)).toEqual([
      'greek letters',
      'alpha',
      'beta',
    ]);
  });

  it('falls back to the original query when the reply has no usable line', async () => {
    const expand = createMultiQueryExpander({ chatModel: new MockChatModel({ replies: ['\n'] }) });
    expect(await expand({ text: '故宫' })).toEqual([{ text: '故宫' }]);
  });

  it('rejects a count below 1', () => {
    expect(() =>
      createMultiQueryExpander({ chatModel: new MockChatModel(), numberOfQueries: 0 }),
    ).toThrow(InvalidInputError);
  });
});
