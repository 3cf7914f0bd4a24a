import { MockChatModel, MockEmbeddingModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import {
  createRecordingStore,
  doc,
  threeDocuments as three,
  utf8,
} from './__fixtures__/pipeline-fixtures.js';
import { contentId } from './content-hash.js';
import { createKeywordEnricher } from './enrich-documents.js';
import { ingestDocuments, type IngestProgress } from './ingest-documents.js';
import type { RagDocument } from './rag-types.js';

describe('ingestDocuments', () => {
  it('reads, splits, embeds in batches and writes once, reporting what it did', async () => {
    const store = createRecordingStore();
    const model = new MockEmbeddingModel({ dimensions: 4 });
    const report = await ingestDocuments({
      store,
      embeddingModel: model,
      sources: [
        { bytes: utf8('# Guide\n\nInstall it.\n\n## Use\n\nRun it.'), filename: 'guide.md' },
        { bytes: utf8('预训练语言模型。'), filename: 'zh.txt', source: 'docs/zh.txt' },
      ],
      batchSize: 2,
    });
    const ids = [
      contentId('guide.md', '# Guide\n\nInstall it.'),
      contentId('guide.md', '## Use\n\nRun it.'),
      contentId('docs/zh.txt', '预训练语言模型。'),
    ];
    expect(report).toEqual({
      documents: 3,
      chunks: 3,
      added: 3,
      unchanged: 0,
      skipped: [],
      tokens: 13, // the model's own usage: the mock counts words and Han characters (3 + 3 + 7)
      ids,
      sources: { read: 2, unchanged: 0 },
      removed: 0,
      pruned: [],
    });
    expect(model.requests.map((r) => r.input)).toEqual([
      ['# Guide\n\nInstall it.', '## Use\n\nRun it.'],
      ['预训练语言模型。'],
    ]);
    expect(store.addCalls).toHaveLength(1);
    const stored = store.rows.get(ids[1]!)!;
    expect(stored.metadata).toMatchObject({
      source: 'guide.md',
      section: 'Guide > Use',
      chunkIndex: 0,
    });
    expect(stored.embedding).toHaveLength(4);
  });

  it('is idempotent: the same input twice adds nothing and embeds nothing', async () => {
    const store = createRecordingStore();
    const model = new MockEmbeddingModel();
    const first = await ingestDocuments({ store, embeddingModel: model, documents: three });
    const second = await ingestDocuments({ store, embeddingModel: model, documents: three });
    expect(first).toMatchObject({ added: 3, unchanged: 0 });
    expect(second).toMatchObject({ chunks: 3, added: 0, unchanged: 3, tokens: 0, ids: first.ids });
    expect(model.requests).toHaveLength(1);
    expect(store.addCalls).toHaveLength(1);
    expect(store.rows.size).toBe(3);
  });

  it('adds only the chunks that changed, and counts repeats within a run as unchanged', async () => {
    const store = createRecordingStore();
    await ingestDocuments({ store, documents: three, embeddingModel: new MockEmbeddingModel() });
    const changed = [three[0]!, doc('b.txt', 'Beta text, edited.'), three[2]!, three[2]!];
    const report = await ingestDocuments({
      store,
      documents: changed,
      embeddingModel: new MockEmbeddingModel(),
    });
    expect(report).toMatchObject({ documents: 4, chunks: 4, added: 1, unchanged: 3 });
    expect(store.addCalls[1]!.map((d) => d.text)).toEqual(['Beta text, edited.']);
  });

  it('emits progress for every phase, in order', async () => {
    const events: IngestProgress[] = [];
    await ingestDocuments({
      store: createRecordingStore(),
      embeddingModel: new MockEmbeddingModel(),
      sources: [
        { bytes: utf8('one'), filename: 'one.txt' },
        { bytes: utf8('two'), filename: 'two.txt' },
        { bytes: utf8('three'), filename: 'three.txt' },
      ],
      batchSize: 2,
      concurrency: 1,
      onProgress: (event) => events.push(event),
    });
    const line = (e: IngestProgress) => `${e.phase} ${e.done}/${e.total}`;
    expect(events.map(line)).toEqual([
      'read 0/3',
      'read 1/3',
      'read 2/3',
      'read 3/3',
      'split 0/3',
      'split 1/3',
      'split 2/3',
      'split 3/3',
      'embed 0/3',
      'embed 2/3',
      'embed 3/3',
      'store 0/3',
      'store 3/3',
    ]);
  });

  it('enriches only the new chunks, keeping their content ids', async () => {
    const store = createRecordingStore();
    const chatModel = new MockChatModel({ defaultReply: 'alpha, text' });
    const run = (documents: RagDocument[]) =>
      ingestDocuments({
        store,
        documents,
        embeddingModel: new MockEmbeddingModel(),
        enrich: [createKeywordEnricher({ chatModel, keywordCount: 2 })],
      });
    await run(three);
    const report = await run([...three, doc('d.txt', 'Delta text.')]);
    expect(chatModel.requests).toHaveLength(4); // 3 in the first run, 1 in the second
    expect(report).toMatchObject({ added: 1, unchanged: 3 });
    expect(store.rows.get(contentId('d.txt', 'Delta text.'))!.metadata).toEqual({
      source: 'd.txt',
      chunkIndex: 0,
      excerpt_keywords: ['alpha', 'text'],
    });
  });
});
