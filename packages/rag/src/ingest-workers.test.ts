// ingestDocuments with DocumentWorkers: the same report and the same stored chunks as in-process,
// skips reported the same way, progress per file, and the cap on chunks per run.
import { MockEmbeddingModel } from '@repo/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordingStore, utf8 } from './__fixtures__/pipeline-fixtures.js';
import { makePdf } from './__fixtures__/make-pdf.js';
import { createDocumentWorkers } from './document-workers.js';
import { TooManyChunksError } from './etl-errors.js';
import { ingestDocuments, type IngestProgress } from './ingest-documents.js';
import type { DocumentSource } from './read-document.js';

const workers = createDocumentWorkers({ threads: 2 });
afterAll(() => workers.close());

const sources: DocumentSource[] = [
  { bytes: utf8('# 指南\n\n安装它。\n\n## 使用\n\n运行它。'), filename: 'guide.md' },
  { bytes: utf8('预训练语言模型。'.repeat(50)), filename: 'zh.txt', source: 'docs/zh.txt' },
  { bytes: utf8('[{"question":"退货？","answer":"三十天内。"}]'), filename: 'faq.json' },
  { bytes: makePdf([['Page one.'], ['第二页。']]), filename: 'sheet.pdf' },
  { bytes: utf8(' \n'), filename: 'empty.txt' },
  { bytes: utf8('%PDF-1.4\n1 0 obj'), filename: 'broken.pdf' },
  { bytes: utf8('x'), filename: 'logo.png' },
];

async function ingest(withWorkers: boolean, mergeSections = false) {
  const store = createRecordingStore();
  const events: IngestProgress[] = [];
  const report = await ingestDocuments({
    store,
    embeddingModel: new MockEmbeddingModel({ dimensions: 4 }),
    sources,
    split: { chunkSize: 32, chunkOverlap: 4, mergeSections },
    skipUnreadable: true,
    workers: withWorkers ? workers : undefined,
    onProgress: (event) => events.push(event),
  });
  return { report, rows: [...store.rows.values()], events };
}

describe('ingestDocuments with worker threads', () => {
  it('reports and stores exactly what the in-process run does', async () => {
    const here = await ingest(false);
    const threaded = await ingest(true);
    expect(threaded.report).toEqual(here.report);
    expect(threaded.rows).toEqual(here.rows);
    expect(threaded.report).toMatchObject({ documents: 6, chunks: 14 });
    expect(threaded.report.skipped).toEqual([
      { source: 'empty.txt', reason: 'it contains no text' },
      { source: 'broken.pdf', reason: expect.stringContaining('not a valid PDF') },
      { source: 'logo.png', reason: 'unsupported file type' },
    ]);
  });

  it('merges small sections the same way in worker threads and in-process', async () => {
    const here = await ingest(false, true);
    const threaded = await ingest(true, true);
    expect(threaded.rows).toEqual(here.rows);
    expect(threaded.report).toEqual(here.report);
    // The Markdown file's small sections merged: fewer chunks than with merging off (14).
    expect(threaded.report.chunks).toBeLessThan(14);
  });

  it('reports reading (and splitting) per file, then embedding and storing', async () => {
    const { events, report } = await ingest(true);
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases).toEqual(['read', 'embed', 'store']);
    const reads = events.filter((e) => e.phase === 'read');
    expect(reads.map((e) => e.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(events.at(-1)).toEqual({ phase: 'store', done: report.added, total: report.added });
  });

  it('stops a run past its chunk cap before embedding anything', async () => {
    const model = new MockEmbeddingModel({ dimensions: 4 });
    const error = await ingestDocuments({
      store: createRecordingStore(),
      embeddingModel: model,
      sources: [{ bytes: utf8('长句子。'.repeat(2000)), filename: 'long.txt' }],
      split: { chunkSize: 16, chunkOverlap: 0 },
      maxChunks: 100,
      workers,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyChunksError);
    expect(error).toMatchObject({ limit: 100, scope: 'run' });
    expect((error as Error).message).toBe(
      'Too much to ingest at once: the files make more than 100 chunks together (the limit per ingestion); ingest fewer at once',
    );
    expect(model.requests).toHaveLength(0);
  });
});
