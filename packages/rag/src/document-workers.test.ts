// Reading and splitting in worker threads (the built dist/read-split-worker.js: turbo builds before
// testing): the same chunks as in-process, the readers' typed errors rebuilt on this side, and the
// bounds only a thread gives: a time limit, a heap limit, a bounded queue, and abort.
import { AbortedError, OverloadedError } from '@repo/core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeLoopingPdf, makePdf } from './__fixtures__/make-pdf.js';
import { createDocumentWorkers } from './document-workers.js';
import {
  CorruptDocumentError,
  EmptyDocumentError,
  TooManyChunksError,
  UnsupportedDocumentTypeError,
} from './etl-errors.js';
import { readDocument } from './read-document.js';
import { splitDocuments } from './split-documents.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const MARKDOWN = `# 指南\n\n${'向量数据库保存嵌入，它支持相似度搜索。'.repeat(60)}\n\n## 安装\n\n运行 npm install。`;
const workers = createDocumentWorkers({ threads: 2 });
afterAll(() => workers.close());

describe('createDocumentWorkers', () => {
  it('reads and splits a Chinese Markdown file into the same chunks as in-process', async () => {
    const source = { bytes: utf8(MARKDOWN), filename: 'guide.md', source: 'docs/guide.md' };
    const split = { chunkSize: 64, chunkOverlap: 8 };
    const inWorker = await workers.readAndSplit(source, { split });
    const here = await splitDocuments(await readDocument(source), split);
    expect(inWorker.documents).toBe(2);
    expect(inWorker.chunks.length).toBeGreaterThan(5);
    expect(inWorker.chunks).toEqual(here);
    expect(inWorker.chunks[0]!.metadata).toMatchObject({
      source: 'docs/guide.md',
      section: '指南',
      chunkIndex: 0,
    });
  });

  it('rebuilds the readers’ typed errors, with their data', async () => {
    const failure = (bytes: Uint8Array, filename: string, maxChunks?: number) =>
      workers.readAndSplit({ bytes, filename }, { split: { maxChunks } }).catch((e: unknown) => e);
    expect(await failure(utf8('x'), 'logo.png')).toBeInstanceOf(UnsupportedDocumentTypeError);
    expect(await failure(utf8('  \n'), 'empty.txt')).toMatchObject({
      constructor: EmptyDocumentError,
      source: 'empty.txt',
      reason: 'it contains no text',
    });
    expect(await failure(utf8('%PDF-1.4\n1 0 obj'), 'broken.pdf')).toBeInstanceOf(
      CorruptDocumentError,
    );
    expect(await failure(utf8('长'.repeat(100_000)), 'long.txt', 5)).toMatchObject({
      constructor: TooManyChunksError,
      source: 'long.txt',
      limit: 5,
    });
  });

  it('a PDF whose cross-references loop is a CorruptDocumentError, not a hang or a crash', async () => {
    const error = await workers
      .readAndSplit({ bytes: makeLoopingPdf(), filename: 'loop.pdf' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptDocumentError);
    expect((error as CorruptDocumentError).reason).toBe(
      'a page cannot be read (Pages tree contains circular reference.)',
    );
  });

  it('a file over the time limit is a CorruptDocumentError, and the next file still reads', async () => {
    const slow = createDocumentWorkers({ threads: 1, timeoutMs: 1 });
    try {
      // Starting a thread and loading pdf.js alone takes far longer than 1 ms.
      const error = await slow
        .readAndSplit({ bytes: makePdf([['Slow page']]), filename: 'slow.pdf' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorruptDocumentError);
      expect((error as CorruptDocumentError).reason).toBe(
        'reading and splitting it took longer than 0.001 s (the limit per file)',
      );
    } finally {
      await slow.close();
    }
    const next = await workers.readAndSplit({ bytes: makePdf([['第二页']]), filename: 'ok.pdf' });
    expect(next.chunks.map((c) => c.text)).toEqual(['第二页']);
  });

  it('a file that needs more heap than the limit is a CorruptDocumentError', async () => {
    const small = createDocumentWorkers({ threads: 1, maxHeapMb: 64 });
    try {
      // 300,000 FAQ items (19 MB): their documents outgrow a 64 MB heap one object at a time,
      // which V8 stops in the thread alone.
      const items = Array.from({ length: 300_000 }, (_, i) => ({
        question: `问题 ${i}`,
        answer: `答案 ${i}`,
      }));
      const error = await small
        .readAndSplit(
          { bytes: utf8(JSON.stringify(items)), filename: 'faq.json' },
          { split: false },
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorruptDocumentError);
      expect((error as CorruptDocumentError).reason).toBe(
        'reading and splitting it needs more than 64 MB of memory (the limit per file)',
      );
    } finally {
      await small.close();
    }
  });

  it('refuses a file beyond the queue with OverloadedError, and stops on abort', async () => {
    const one = createDocumentWorkers({ threads: 1, maxQueue: 0 });
    try {
      const source = { bytes: utf8(MARKDOWN), filename: 'a.md' };
      const first = one.readAndSplit(source);
      await expect(one.readAndSplit(source)).rejects.toBeInstanceOf(OverloadedError);
      expect((await first).documents).toBe(2);
      const controller = new AbortController();
      const aborted = one.readAndSplit(source, { signal: controller.signal });
      controller.abort();
      await expect(aborted).rejects.toBeInstanceOf(AbortedError);
    } finally {
      await one.close();
    }
  });
});
