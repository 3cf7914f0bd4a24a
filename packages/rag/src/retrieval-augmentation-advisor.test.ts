import { createChatClient } from '@repo/chat';
import { assistantMessage, textOf } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { createContextualQueryAugmenter } from './augment-query.js';
import { readCitations, readRetrievedDocuments } from './cite-sources.js';
import { createMultiQueryExpander } from './expand-query.js';
import { fuseReciprocalRank } from './join-documents.js';
import type { DocumentRetriever, RagQuery } from './modular-rag-types.js';
import type { ScoredDocument } from './rag-types.js';
import { createRetrievalAugmentationAdvisor } from './retrieval-augmentation-advisor.js';
import { createRewriteQueryTransformer } from './transform-query.js';

const doc = (id: string, score = 0.5): ScoredDocument => ({
  id,
  text: `Fact ${id}.`,
  metadata: { source: `${id}.txt` },
  score,
});

/** A retriever that records its queries and answers from a table. */
function scriptedRetriever(table: Record<string, ScoredDocument[]>) {
  const queries: RagQuery[] = [];
  const retrieve: DocumentRetriever = async (query) => {
    queries.push(query);
    return table[query.text] ?? [];
  };
  return { retrieve, queries };
}

describe('createRetrievalAugmentationAdvisor', () => {
  it('runs transformers → expander → retrievers → joiner → post-processors → augmenter', async () => {
    const helper = new MockChatModel({ replies: ['alpha beta', '1. alpha\n2. beta'] });
    const first = scriptedRetriever({ alpha: [doc('a'), doc('b')], beta: [doc('c')] });
    const second = scriptedRetriever({ alpha: [doc('b')], beta: [doc('b'), doc('x')] });
    const postProcessed: string[][] = [];
    const model = new MockChatModel({ replies: ['answer'] });
    const advisor = createRetrievalAugmentationAdvisor({
      queryTransformers: [createRewriteQueryTransformer({ chatModel: helper })],
      queryExpander: createMultiQueryExpander({ chatModel: helper, numberOfQueries: 2 }),
      documentRetriever: [first.retrieve, second.retrieve],
      documentJoiner: fuseReciprocalRank,
      documentPostProcessors: [
        (query, documents) => {
          postProcessed.push([query.text, ...documents.map((d) => d.id)]);
          return documents.filter((d) => d.id !== 'x');
        },
      ],
    });
    const question = 'so, um, what about alpha and beta?';
    const response = await createChatClient(model, { advisors: [advisor] })
      .prompt(question)
      .call();

    expect(textOf(helper.requests[0]!.messages[0]!)).toContain(`Original query:\n${question}`);
    expect(textOf(helper.requests[1]!.messages[0]!)).toContain('Original query: alpha beta');
    expect(first.queries.map((q) => q.text)).toEqual(['alpha', 'beta']);
    expect(second.queries.map((q) => q.text)).toEqual(['alpha', 'beta']);
    // b: 1/62 (first/alpha) + 1/61 (second/alpha) + 1/61 (second/beta); a: 1/61; c: 1/61; x: 1/62.
    expect(postProcessed).toEqual([[question, 'b', 'a', 'c', 'x']]);
    const documents = readRetrievedDocuments(response.context);
    expect(documents.map((d) => d.id)).toEqual(['b', 'a', 'c']);
    expect(documents[0]!.score).toBeCloseTo(1 / 62 + 2 / 61, 12);
    expect(readCitations(response.context).map((c) => c.source)).toEqual([
      'b.txt',
      'a.txt',
      'c.txt',
    ]);
    // The user's own question is what gets answered, with the fused context.
    const prompt = textOf(model.requests[0]!.messages[0]!);
    expect(prompt).toContain(
      '---------------------\nFact b.\nFact a.\nFact c.\n---------------------',
    );
    expect(prompt).toContain(`Query: ${question}`);
    expect(response.content).toBe('answer');
  });

  it('streams the same way, retrieving once', async () => {
    const retriever = scriptedRetriever({ 'tell me about a': [doc('a', 0.9)] });
    const model = new MockChatModel({ replies: ['streamed answer'] });
    const advisor = createRetrievalAugmentationAdvisor({ documentRetriever: retriever.retrieve });
    const chat = createChatClient(model, { advisors: [advisor] });
    const collected = await chat.prompt('tell me about a').stream().collect();
    expect(retriever.queries).toHaveLength(1);
    expect(collected.content).toBe('streamed answer');
    expect(readCitations(collected.context)).toEqual([{ source: 'a.txt', score: 0.9 }]);
  });

  it('gives the augmenter its say on an empty context (a custom answer here)', async () => {
    const model = new MockChatModel();
    const advisor = createRetrievalAugmentationAdvisor({
      documentRetriever: async () => [],
      queryAugmenter: createContextualQueryAugmenter({ emptyContextAnswer: 'Nothing found.' }),
    });
    const events = [];
    for await (const event of createChatClient(model, { advisors: [advisor] })
      .prompt('q')
      .stream())
      events.push(event);
    expect(events.map((e) => e.type)).toEqual(['text-delta', 'usage', 'finish']);
    expect(events[0]).toEqual({ type: 'text-delta', text: 'Nothing found.' });
    expect(model.requests).toHaveLength(0);
  });

  it('forwards a request without user text untouched, without searching', async () => {
    const retriever = scriptedRetriever({});
    const model = new MockChatModel({ replies: ['continued'] });
    const advisor = createRetrievalAugmentationAdvisor({ documentRetriever: retriever.retrieve });
    const history = [assistantMessage('Shall I go on?')];
    await createChatClient(model, { advisors: [advisor] })
      .prompt()
      .messages(history)
      .call();
    expect(retriever.queries).toHaveLength(0);
    expect(model.requests[0]!.messages).toEqual(history);
  });

  it('passes the request signal and history to every stage', async () => {
    const retriever = scriptedRetriever({});
    const signals: Array<AbortSignal | undefined> = [];
    const advisor = createRetrievalAugmentationAdvisor({
      documentRetriever: async (query, options) => {
        signals.push(options?.signal);
        return retriever.retrieve(query);
      },
    });
    const controller = new AbortController();
    await createChatClient(new MockChatModel(), { advisors: [advisor] })
      .prompt('now?')
      .messages([assistantMessage('earlier')])
      .signal(controller.signal)
      .call();
    expect(signals).toEqual([controller.signal]);
    expect(retriever.queries[0]!.history).toEqual([assistantMessage('earlier')]);
  });
});
