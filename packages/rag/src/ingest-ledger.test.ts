// The ledger's own guarantees: a file ledger survives a restart (a new instance reads it back) and
// shrugs off a damaged file; and the crash-safety order of a changed file's re-ingest: new chunks
// stored, then old ones deleted, then the ledger written, so a failure between any two steps
// leaves old and new chunks side by side, and the next run removes the old ones.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordingStore, utf8 } from './__fixtures__/pipeline-fixtures.js';
import { contentId } from './content-hash.js';
import { ingestDocuments, type IngestOptions } from './ingest-documents.js';
import {
  createFileSourceLedger,
  createMemorySourceLedger,
  type SourceLedger,
} from './ingest-ledger.js';

const folder = mkdtempSync(join(tmpdir(), 'rag-ledger-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const SPLIT = { chunkSize: 12, chunkOverlap: 0 };
const V1 = '第一段保持不变。\n\n第二段会被改写。';
const V2 = '第一段保持不变。\n\n第二段已经改写。';
const source = (text: string) => [{ bytes: utf8(text), filename: '笔记.md', source: '笔记.md' }];
const KEPT = contentId('笔记.md', '第一段保持不变。');
const OLD = contentId('笔记.md', '第二段会被改写。');
const NEW = contentId('笔记.md', '第二段已经改写。');

describe('createFileSourceLedger', () => {
  it('keeps entries across instances and treats a damaged file as empty', async () => {
    const file = join(folder, 'sources.json');
    const ledger = createFileSourceLedger(file);
    const entry = { hash: 'h1', ids: ['a', 'b'], documents: 1, chunks: 2, origin: 'folder' };
    await ledger.update(new Map([['文档/一.md', entry]]));
    await ledger.update(new Map([['文档/二.md', { ...entry, hash: 'h2' }]]));
    const reopened = createFileSourceLedger(file);
    expect(await reopened.get('文档/一.md')).toEqual(entry);
    expect(await reopened.sources()).toEqual(['文档/一.md', '文档/二.md']);
    await reopened.update(new Map([['文档/一.md', undefined]]));
    expect(await createFileSourceLedger(file).sources()).toEqual(['文档/二.md']);

    writeFileSync(file, '{"broken":');
    expect(await createFileSourceLedger(file).sources()).toEqual([]);
  });
});

describe('re-ingest order', () => {
  it('stores the new chunks, then deletes the old ones, then writes the ledger', async () => {
    const steps: string[] = [];
    const store = createRecordingStore();
    const ledger = createMemorySourceLedger();
    const base: IngestOptions = { store, ledger, split: SPLIT };
    await ingestDocuments({ ...base, sources: source(V1) });
    const watched = {
      ...store,
      add: (...args: Parameters<typeof store.add>) => (steps.push('add'), store.add(...args)),
      delete: (...args: Parameters<typeof store.delete>) => (
        steps.push('delete'),
        store.delete(...args)
      ),
    };
    const watchedLedger: SourceLedger = {
      ...ledger,
      update: (changes) => (steps.push('ledger'), ledger.update(changes)),
    };
    await ingestDocuments({ ...base, store: watched, ledger: watchedLedger, sources: source(V2) });
    expect(steps).toEqual(['add', 'delete', 'ledger']);
    expect([...store.rows.keys()].sort()).toEqual([KEPT, NEW].sort());
  });

  it('a failure after the new chunks are stored leaves old and new; the next run cleans up', async () => {
    const store = createRecordingStore();
    const ledger = createMemorySourceLedger();
    await ingestDocuments({ store, ledger, split: SPLIT, sources: source(V1) });
    const crashing = {
      ...store,
      delete: async () => {
        throw new Error('the process died here');
      },
    };
    await expect(
      ingestDocuments({ store: crashing, ledger, split: SPLIT, sources: source(V2) }),
    ).rejects.toThrow('the process died here');
    expect([...store.rows.keys()].sort()).toEqual([KEPT, OLD, NEW].sort());
    expect((await ledger.get('笔记.md'))?.ids).toEqual([KEPT, OLD]);

    const retried = await ingestDocuments({ store, ledger, split: SPLIT, sources: source(V2) });
    expect(retried).toMatchObject({ added: 0, unchanged: 2, removed: 1 });
    expect([...store.rows.keys()].sort()).toEqual([KEPT, NEW].sort());
  });

  it('a failed write leaves the old chunks and the ledger as they were', async () => {
    const ledger = createMemorySourceLedger();
    const store = createRecordingStore();
    await ingestDocuments({ store, ledger, split: SPLIT, sources: source(V1) });
    const failing = { ...store, add: async () => Promise.reject(new Error('disk full')) };
    await expect(
      ingestDocuments({ store: failing, ledger, split: SPLIT, sources: source(V2) }),
    ).rejects.toThrow('disk full');
    expect([...store.rows.keys()].sort()).toEqual([KEPT, OLD].sort());
    expect((await ledger.get('笔记.md'))?.ids).toEqual([KEPT, OLD]);
  });
});
