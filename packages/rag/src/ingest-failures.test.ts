import { AbortedError, AuthenticationError, ProviderUnavailableError } from '@repo/core';
import { MockEmbeddingModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import {
  createFlakyEmbeddingModel as flakyModel,
  createRecordingStore,
  doc,
  threeDocuments as three,
  utf8,
} from './__fixtures__/pipeline-fixtures.js';
import { NothingToIngestError, UnsupportedDocumentTypeError } from './etl-errors.js';
import { ingestDocuments } from './ingest-documents.js';

describe('ingestDocuments when things go wrong', () => {
  it('does not retry a retryable failure itself (the model owns retries); the store is untouched', async () => {
    const store = createRecordingStore();
    const model = flakyModel(new ProviderUnavailableError('503 from provider', { status: 503 }));
    const error = await ingestDocuments({ store, embeddingModel: model, documents: three }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(model.calls()).toBe(1);
    expect(store.addCalls).toHaveLength(0);
    const rerun = await ingestDocuments({ store, embeddingModel: model, documents: three });
    expect(rerun.added).toBe(3);
  });

  it('fails on a non-retryable failure, and leaves the store untouched', async () => {
    const store = createRecordingStore();
    const model = flakyModel(new AuthenticationError('bad key'));
    await expect(
      ingestDocuments({ store, embeddingModel: model, documents: three }),
    ).rejects.toThrow(AuthenticationError);
    expect(model.calls()).toBe(1);
    expect(store.addCalls).toHaveLength(0);
  });

  it('leaves the store untouched when a later batch fails after earlier ones succeeded', async () => {
    const store = createRecordingStore();
    await ingestDocuments({
      store,
      documents: three.slice(0, 1),
      embeddingModel: new MockEmbeddingModel(),
    });
    const down = new ProviderUnavailableError('down');
    const model = flakyModel(undefined, down);
    const error = await ingestDocuments({
      store,
      embeddingModel: model,
      documents: [doc('x.txt', 'one'), doc('y.txt', 'two')],
      batchSize: 1,
      concurrency: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(model.calls()).toBe(2); // batch 1 ok, batch 2 failed
    expect([...store.rows.values()].map((d) => d.text)).toEqual(['Alpha text.']);
  });

  it('skips empty documents and files with a reason, and fails loudly when nothing is left', async () => {
    const store = createRecordingStore();
    const report = await ingestDocuments({
      store,
      embeddingModel: new MockEmbeddingModel(),
      documents: [doc('blank.txt', '   '), three[0]!],
      sources: [{ bytes: utf8(''), filename: 'empty.md' }],
    });
    expect(report.skipped).toEqual([
      { source: 'blank.txt', reason: 'it contains no text' },
      { source: 'empty.md', reason: 'it contains no text' },
    ]);
    expect(report.added).toBe(1);

    const error = await ingestDocuments({
      store,
      sources: [{ bytes: utf8(' '), filename: 'empty.txt' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NothingToIngestError);
    expect((error as NothingToIngestError).skipped).toEqual([
      { source: 'empty.txt', reason: 'it contains no text' },
    ]);
    expect((error as Error).message).toBe(
      'Nothing to ingest: every source was skipped (empty.txt: it contains no text).',
    );
  });

  it('fails on an unsupported file unless told to skip unreadable ones', async () => {
    const store = createRecordingStore();
    const sources = [
      { bytes: utf8('ok'), filename: 'ok.txt' },
      { bytes: utf8('x'), filename: 'logo.png' },
    ];
    await expect(ingestDocuments({ store, sources })).rejects.toThrow(UnsupportedDocumentTypeError);
    expect(store.addCalls).toHaveLength(0);
    const report = await ingestDocuments({
      store,
      sources,
      skipUnreadable: true,
      embeddingModel: new MockEmbeddingModel(),
    });
    expect(report.skipped).toEqual([{ source: 'logo.png', reason: 'unsupported file type' }]);
  });

  it('stops on abort before writing anything', async () => {
    const store = createRecordingStore();
    const controller = new AbortController();
    const promise = ingestDocuments({
      store,
      embeddingModel: new MockEmbeddingModel(),
      documents: three,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'embed' && event.done > 0) controller.abort();
      },
    });
    await expect(promise).rejects.toThrow(AbortedError);
    expect(store.addCalls).toHaveLength(0);
  });
});
