import { textOf } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { createProvider } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import { createKeywordEnricher, createSummaryEnricher, parseKeywords } from './enrich-documents.js';
import type { RagDocument } from './rag-types.js';

const documents: RagDocument[] = [
  { id: 'a1', text: 'vLLM uses paged attention.', metadata: { source: 'a.md', chunkIndex: 0 } },
  {
    id: 'a2',
    text: 'TGI batches requests continuously.',
    metadata: { source: 'a.md', chunkIndex: 1 },
  },
  { id: 'b1', text: '量化降低显存占用。', metadata: { source: 'b.md', chunkIndex: 0 } },
];

function messagesSent(provider: ReturnType<typeof createProvider>): string[] {
  return provider
    .localLlm!.requests()
    .filter((r) => r.path.endsWith('/chat/completions'))
    .map((r) =>
      (r.body as { messages: { content: string }[] }).messages.map((m) => m.content).join('|'),
    );
}

describe('createKeywordEnricher (on local-llm through @repo/providers)', () => {
  it('asks for N keywords per chunk with Spring’s prompt and stores them as excerpt_keywords', async () => {
    const provider = createProvider('local');
    provider.localLlm!.script([{ content: 'paged attention, vLLM, GPU memory' }]);
    const enricher = createKeywordEnricher({
      chatModel: provider.chat(),
      keywordCount: 2,
      concurrency: 1,
    });
    const [enriched] = await enricher.enrich(documents.slice(0, 1));
    expect(enriched).toEqual({
      id: 'a1',
      text: 'vLLM uses paged attention.',
      metadata: { source: 'a.md', chunkIndex: 0, excerpt_keywords: ['paged attention', 'vLLM'] },
    });
    expect(messagesSent(provider)).toEqual([
      'vLLM uses paged attention.. Give 2 unique keywords for this document. Format as comma separated. Keywords:',
    ]);
    expect(documents[0]!.metadata).not.toHaveProperty('excerpt_keywords'); // input untouched
  });
});

describe('createSummaryEnricher', () => {
  it('adds previous, current and next summaries on local-llm, never across sources', async () => {
    const provider = createProvider('local');
    provider.localLlm!.script([{ content: 'S-a1' }, { content: 'S-a2' }, { content: 'S-b1' }]);
    const enricher = createSummaryEnricher({
      chatModel: provider.chat(),
      summaryTypes: ['previous', 'current', 'next'],
      concurrency: 1, // scripted replies are consumed in request order
    });
    const enriched = await enricher.enrich(documents);
    expect(enriched.map((d) => d.metadata)).toEqual([
      { source: 'a.md', chunkIndex: 0, section_summary: 'S-a1', next_section_summary: 'S-a2' },
      { source: 'a.md', chunkIndex: 1, section_summary: 'S-a2', prev_section_summary: 'S-a1' },
      { source: 'b.md', chunkIndex: 0, section_summary: 'S-b1' },
    ]);
    expect(messagesSent(provider)[2]).toBe(
      'Here is the content of the section:\n量化降低显存占用。\n\nSummarize the key topics and entities of the section.\n\nSummary:',
    );
  });

  it('summarises concurrently and keeps input order (MockChatModel)', async () => {
    // The chunk is the prompt's second line.
    const model = new MockChatModel({
      defaultReply: (request) => `summary of ${textOf(request.messages[0]!).split('\n')[1]}`,
    });
    const enriched = await createSummaryEnricher({ chatModel: model, concurrency: 3 }).enrich(
      documents,
    );
    expect(enriched.map((d) => d.metadata.section_summary)).toEqual([
      'summary of vLLM uses paged attention.',
      'summary of TGI batches requests continuously.',
      'summary of 量化降低显存占用。',
    ]);
    expect(model.requests.map((r) => r.options?.temperature)).toEqual([0, 0, 0]);
  });

  it('fails with the model’s error', async () => {
    const model = new MockChatModel({ replies: [new Error('model down')] });
    await expect(
      createSummaryEnricher({ chatModel: model }).enrich(documents.slice(0, 1)),
    ).rejects.toThrow('model down');
  });
});

describe('parseKeywords', () => {
  it('reads lists, numbering, Chinese commas and a Keywords: echo, without duplicates', () => {
    expect(parseKeywords('Keywords: "vLLM", paged attention，显存、vllm', 5)).toEqual([
      'vLLM',
      'paged attention',
      '显存',
    ]);
    expect(parseKeywords('1. GPU\n2) batching\n- TGI.', 2)).toEqual(['GPU', 'batching']);
  });
});
