import { describe, expect, it } from 'vitest';
import { citeSources, readCitations, readRetrievedDocuments } from './cite-sources.js';
import { RAG_CONTEXT_KEYS } from './modular-rag-types.js';
import type { ScoredDocument } from './rag-types.js';

const hit = (id: string, score: number, metadata: Record<string, unknown>): ScoredDocument => ({
  id,
  text: id,
  metadata,
  score,
});

describe('citeSources', () => {
  it('cites each source, page and section once, in rank order, with the best score', () => {
    const citations = citeSources([
      hit('1', 0.91, { source: 'guide.md', section: 'Guide > Install' }),
      hit('2', 0.85, { source: 'manual.pdf', page: 3 }),
      hit('3', 0.8, { source: 'guide.md', section: 'Guide > Install' }),
      hit('4', 0.7, { source: 'manual.pdf', page: 4 }),
      hit('5', 0.6, { source: 'guide.md', headingPath: ['Guide', 'Usage'] }),
    ]);
    expect(citations).toEqual([
      { source: 'guide.md', section: 'Guide > Install', score: 0.91 },
      { source: 'manual.pdf', page: 3, score: 0.85 },
      { source: 'manual.pdf', page: 4, score: 0.7 },
      { source: 'guide.md', section: 'Guide > Usage', score: 0.6 },
    ]);
  });

  it('falls back to filename, then the document id, and reads a page given as text', () => {
    expect(
      citeSources([
        hit('a', 0.5, { filename: 'test.txt', page: '2' }),
        hit('doc-7', 0.4, { page: 0, section: '' }),
      ]),
    ).toEqual([
      { source: 'test.txt', page: 2, score: 0.5 },
      { source: 'doc-7', score: 0.4 },
    ]);
  });
});

describe('readCitations', () => {
  it('reads what an advisor left in the context, or nothing', () => {
    const citations = [{ source: 's', score: 1 }];
    const documents = [hit('1', 1, {})];
    const context = new Map<string, unknown>([
      [RAG_CONTEXT_KEYS.citations, citations],
      [RAG_CONTEXT_KEYS.documents, documents],
    ]);
    expect(readCitations(context)).toBe(citations);
    expect(readRetrievedDocuments(context)).toBe(documents);
    expect(readCitations(new Map())).toEqual([]);
    expect(readRetrievedDocuments(new Map())).toEqual([]);
  });
});
