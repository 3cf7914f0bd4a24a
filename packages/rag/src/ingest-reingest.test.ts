// Re-ingest with a ledger: an unchanged file is neither read nor split (counted through injected
// workers and the report), a changed one loses the chunks it no longer produces (on the memory
// store, the pgvector store on PGlite, and on PostgreSQL when TEST_POSTGRES_URL names a server
// with pgvector), and a
// pruned folder re-ingest removes deleted files.
import { MockEmbeddingModel } from '@repo/core/testing';
import {
  createTestDatabase,
  POSTGRES_SKIP_REASON,
  postgresTestUrl,
  type TestDatabase,
} from '@repo/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCountingWorkers } from './__fixtures__/counting-workers.js';
import { utf8 } from './__fixtures__/pipeline-fixtures.js';
import { contentId } from './content-hash.js';
import { ingestDocuments, type IngestOptions } from './ingest-documents.js';
import { createMemorySourceLedger } from './ingest-ledger.js';
import { createMemoryVectorStore } from './memory-vector-store.js';
import { selectRows } from './pg-vector-sql.js';
import { createPgVectorStore } from './pg-vector-store.js';
import type { VectorStore } from './rag-types.js';

const SPLIT = { chunkSize: 12, chunkOverlap: 0 };
const ZH_V1 = '检索增强生成先检索文档。\n\n然后模型根据文档回答问题。';
const ZH_V2 = '检索增强生成先检索文档。\n\n最后引用来源，说明出处。';
const file = (source: string, text: string) => ({ bytes: utf8(text), filename: source, source });

let database: TestDatabase;
let server: TestDatabase | undefined;
const serverUrl = postgresTestUrl();
if (serverUrl === undefined) console.warn(`PostgreSQL re-ingest tests ${POSTGRES_SKIP_REASON}`);
// Decided before the tests are declared (a server without pgvector runs only the PGlite ones).
const pgvectorOnServer = serverUrl === undefined ? false : await hasPgvector();
beforeAll(async () => {
  database = await createTestDatabase();
  if (pgvectorOnServer) server = await createTestDatabase({ kind: 'postgres' });
});
afterAll(async () => {
  await database.close();
  await server?.close();
});
const collection = () => `reingest_${Math.random().toString(36).slice(2, 10)}`;

const stores: [string, () => VectorStore][] = [
  ['memory', () => createMemoryVectorStore({ embeddingModel: new MockEmbeddingModel() })],
  [
    'pgvector on PGlite',
    () =>
      createPgVectorStore({
        db: database,
        embeddingModel: new MockEmbeddingModel(),
        collection: collection(),
      }),
  ],
];
if (pgvectorOnServer)
  stores.push([
    'pgvector on PostgreSQL',
    () =>
      createPgVectorStore({
        db: server!,
        embeddingModel: new MockEmbeddingModel(),
        collection: collection(),
      }),
  ]);

describe.each(stores)('re-ingest on the %s store', (_name, createStore) => {
  it('skips unchanged files without reading or splitting them, reads changed ones', async () => {
    const store = createStore();
    const workers = createCountingWorkers();
    const model = new MockEmbeddingModel({ dimensions: 8 });
    const base: IngestOptions = {
      store,
      embeddingModel: model,
      workers,
      ledger: createMemorySourceLedger(),
      split: SPLIT,
    };
    const sources = [file('docs/a/说明.md', ZH_V1), file('docs/b/README.md', '# 读我\n\n第二份。')];
    const first = await ingestDocuments({ ...base, sources });
    expect(first.sources).toEqual({ read: 2, unchanged: 0 });
    expect(workers.reads).toEqual(['docs/a/说明.md', 'docs/b/README.md']);
    const embedCalls = model.requests.length;

    const again = await ingestDocuments({ ...base, sources });
    expect(workers.reads).toHaveLength(2); // no read and no split this time
    expect(model.requests).toHaveLength(embedCalls);
    expect(again).toMatchObject({
      sources: { read: 0, unchanged: 2 },
      documents: first.documents,
      chunks: first.chunks,
      added: 0,
      unchanged: first.chunks,
      removed: 0,
    });
    expect(again.ids).toEqual(first.ids); // in reading order, from the ledger

    const changed = [file('docs/a/说明.md', ZH_V2), sources[1]!];
    const third = await ingestDocuments({ ...base, sources: changed });
    expect(workers.reads.slice(2)).toEqual(['docs/a/说明.md']);
    expect(third.sources).toEqual({ read: 1, unchanged: 1 });
  });

  it('deletes the chunks a changed file no longer produces, after storing the new ones', async () => {
    const store = createStore();
    const base: IngestOptions = { store, ledger: createMemorySourceLedger(), split: SPLIT };
    const kept = contentId('docs/说明.md', '检索增强生成先检索文档。');
    const old = contentId('docs/说明.md', '然后模型根据文档回答问题。');
    const first = await ingestDocuments({ ...base, sources: [file('docs/说明.md', ZH_V1)] });
    expect(first.ids).toEqual([kept, old]);

    const second = await ingestDocuments({ ...base, sources: [file('docs/说明.md', ZH_V2)] });
    const fresh = contentId('docs/说明.md', '最后引用来源，说明出处。');
    expect(second).toMatchObject({ added: 1, unchanged: 1, removed: 1, ids: [kept, fresh] });
    expect(await store.existingIds!([kept, old, fresh])).toEqual(new Set([kept, fresh]));
    const hits = await store.similaritySearch({ query: '检索', topK: 10 });
    expect(hits.map((hit) => hit.text).sort()).toEqual(
      ['检索增强生成先检索文档。', '最后引用来源，说明出处。'].sort(),
    );
  });

  it('reads a file again when the store lost its chunks or the split settings changed', async () => {
    const store = createStore();
    const workers = createCountingWorkers();
    const base: IngestOptions = {
      store,
      workers,
      ledger: createMemorySourceLedger(),
      split: SPLIT,
    };
    const sources = [file('docs/说明.md', ZH_V1)];
    const first = await ingestDocuments({ ...base, sources });
    await store.delete({ ids: first.ids });
    const refilled = await ingestDocuments({ ...base, sources });
    expect(refilled).toMatchObject({ sources: { read: 1, unchanged: 0 }, added: 2 });

    const whole = await ingestDocuments({ ...base, sources, split: { chunkSize: 200 } });
    expect(workers.reads).toHaveLength(3);
    expect(whole).toMatchObject({ chunks: 1, added: 1, removed: 2 });
  });

  it('prunes files gone from a folder only when asked, and only in the scope given', async () => {
    const store = createStore();
    const ledger = createMemorySourceLedger();
    const base: IngestOptions = { store, ledger, split: false, origin: 'folder' };
    const upload = await ingestDocuments({
      ...base,
      origin: 'upload',
      sources: [file('upload/1a2b/笔记.txt', '上传的笔记。')],
    });
    const all = [file('docs/一.txt', '第一。'), file('docs/二.txt', '第二。')];
    await ingestDocuments({ ...base, sources: all });

    const without = await ingestDocuments({ ...base, sources: [all[0]!] });
    expect(without).toMatchObject({ removed: 0, pruned: [] });
    const pruned = await ingestDocuments({
      ...base,
      sources: [all[0]!],
      prune: { prefix: 'docs/', origin: 'folder' },
    });
    expect(pruned).toMatchObject({ removed: 1, pruned: ['docs/二.txt'] });
    expect(await store.existingIds!([contentId('docs/二.txt', '第二。')])).toEqual(new Set());
    expect(await store.existingIds!(upload.ids)).toEqual(new Set(upload.ids));
    expect(await ledger.sources()).toEqual(['upload/1a2b/笔记.txt', 'docs/一.txt']);
  });
});

async function hasPgvector(): Promise<boolean> {
  const probe = await createTestDatabase({ kind: 'postgres' });
  try {
    const rows = await selectRows(
      probe.db,
      sql`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`,
    );
    return rows.length > 0;
  } finally {
    await probe.close();
  }
}
