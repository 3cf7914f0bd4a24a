// The listwise reranker's logic on a scripted model (what the model says is the input here), and
// once through the embedded model over HTTP, whose reply is no ranking: the order must survive.
import { InvalidInputError, textOf } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createModelRegistry } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import type { ScoredDocument } from './rag-types.js';
import { createListwiseReranker, parseRanking } from './rerank-documents.js';

const doc = (id: string, text: string, score = 0.5): ScoredDocument => ({
  id,
  text,
  metadata: { source: `${id}.md` },
  score,
});
const docs = [
  doc('a', 'Redis keeps chat memory.'),
  doc('b', 'PGlite runs PostgreSQL in WASM.'),
  doc('c', '故宫位于北京。'),
];
const ids = (documents: ScoredDocument[]) => documents.map((d) => d.id);

describe('parseRanking', () => {
  it('reads numbers in order, ignoring repeats and numbers out of range', () => {
    expect(parseRanking('[2] > [1]', 3)).toEqual([1, 0]);
    expect(parseRanking('Passage 3 is best, then 1, then 3 again and 7.', 3)).toEqual([2, 0]);
    expect(parseRanking('无关', 3)).toEqual([]);
    expect(parseRanking('0, 2', 3)).toEqual([1]);
  });
});

describe('createListwiseReranker', () => {
  it('orders by the reply, unranked documents after (or dropped), capped at topN', async () => {
    const model = new MockChatModel({ replies: ['3, 1', '3, 1', '2, 3'] });
    const query = { text: 'Where is the Forbidden City?' };
    expect(ids(await createListwiseReranker({ chatModel: model })(query, docs))).toEqual([
      'c',
      'a',
      'b',
    ]);
    const prompt = textOf(model.requests[0]!.messages[0]!);
    expect(prompt).toContain('Question: Where is the Forbidden City?');
    expect(prompt).toContain('[3] 故宫位于北京。');
    expect(
      ids(await createListwiseReranker({ chatModel: model, dropUnranked: true })(query, docs)),
    ).toEqual(['c', 'a']);
    expect(ids(await createListwiseReranker({ chatModel: model, topN: 1 })(query, docs))).toEqual([
      'b',
    ]);
  });

  it('asks in Chinese for a Chinese question, and keeps the order when the reply has no number', async () => {
    const model = new MockChatModel({ replies: ['都不相关'] });
    const reranked = await createListwiseReranker({ chatModel: model })(
      { text: '故宫在哪里？' },
      docs,
    );
    expect(ids(reranked)).toEqual(['a', 'b', 'c']);
    expect(textOf(model.requests[0]!.messages[0]!)).toContain('问题：故宫在哪里？');
  });

  it('does not call the model for fewer than two documents', async () => {
    const model = new MockChatModel();
    expect(
      ids(await createListwiseReranker({ chatModel: model })({ text: 'q' }, [docs[0]!])),
    ).toEqual(['a']);
    expect(model.requests).toHaveLength(0);
  });

  it('refuses bad options, naming the field', () => {
    const chatModel = new MockChatModel();
    expect(() => createListwiseReranker({ chatModel, topN: 0 })).toThrow(InvalidInputError);
    expect(() => createListwiseReranker({ chatModel, maxChars: 5 })).toThrow(/maxChars/);
    expect(() => createListwiseReranker({ chatModel, promptTemplate: 'no placeholders' })).toThrow(
      /promptTemplate/,
    );
  });

  it('keeps every document, in order, through the embedded model over HTTP', async () => {
    const chatModel = createModelRegistry({}, { retry: { maxRetries: 0 } }).chat();
    const reranked = await createListwiseReranker({ chatModel })(
      { text: 'What runs PostgreSQL?' },
      docs,
    );
    expect(new Set(ids(reranked))).toEqual(new Set(['a', 'b', 'c']));
    expect(reranked).toHaveLength(3);
  });
});
