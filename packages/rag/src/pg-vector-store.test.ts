// The pgvector store on PGlite in process: the shared contract, plus the collection record,
// embedding-space checks and the embedded model's real embeddings. The HNSW index and its
// settings: pg-vector-index.test.ts. Over pglite-socket + pg and on PostgreSQL:
// pg-vector-store-postgres.test.ts.
import { MockEmbeddingModel } from '@repo/core/testing';
import { createProvider } from '@repo/providers';
import { createTestDatabase, type TestDatabase } from '@repo/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLexicalSearchContract } from './__fixtures__/lexical-search-contract.js';
import { describeVectorStoreContract } from './__fixtures__/vector-store-contract.js';
import { selectRows } from './pg-vector-sql.js';
import { createPgVectorStore } from './pg-vector-store.js';
import { EmbeddingDimensionMismatchError, InvalidCollectionNameError } from './rag-errors.js';

let database: TestDatabase;
let collections = 0;
const nextCollection = () => `c${++collections}`;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describeVectorStoreContract('pgvector on PGlite', async (options) =>
  createPgVectorStore({ db: database, collection: nextCollection(), ...options }),
);
describeLexicalSearchContract('pgvector on PGlite', async (options) =>
  createPgVectorStore({ db: database, collection: nextCollection(), ...options }),
);

const doc = (id: string, text: string, metadata: Record<string, unknown> = {}) => ({
  id,
  text,
  metadata,
});

describe('createPgVectorStore on PGlite', () => {
  it('creates one table per collection with an HNSW cosine index, and records model and size', async () => {
    const store = createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel(),
      collection: 'recorded',
    });
    expect([store.name, store.tableName]).toEqual(['pgvector:recorded', 'rag_vectors_recorded']);
    await store.add([doc('a', 'alpha')]);
    const [record] = await selectRows(
      database.db,
      sql`SELECT name, embedding_model, dimensions, created_at FROM rag_collections WHERE name = 'recorded'`,
    );
    expect(record).toMatchObject({
      name: 'recorded',
      embedding_model: 'mock-embedding',
      dimensions: 16,
    });
    const indexes = await selectRows<{ indexdef: string }>(
      database.db,
      sql`SELECT indexdef FROM pg_indexes WHERE tablename = 'rag_vectors_recorded' AND indexname LIKE '%hnsw'`,
    );
    expect(indexes[0]?.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    const [column] = await selectRows<{ type: string }>(
      database.db,
      sql`SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'rag_vectors_recorded'::regclass AND attname = 'embedding'`,
    );
    expect(column?.type).toBe('vector(16)');
  });

  it('refuses another embedding model or size on a recorded collection, naming both and the fix', async () => {
    await createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel(),
      collection: 'space',
    }).add([doc('a', 'alpha')]);
    const otherModel = createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel({ modelId: 'other-embedding' }),
      collection: 'space',
    });
    const add = otherModel.add([doc('b', 'beta')]);
    await expect(add).rejects.toBeInstanceOf(EmbeddingDimensionMismatchError);
    await expect(add).rejects.toThrow(
      'Collection "space" holds 16-dimensional vectors from model "mock-embedding", but got 16-dimensional vectors from model "other-embedding". ' +
        'Vectors from different models or sizes cannot be compared: use a new collection for this embedding model, or re-ingest "space"',
    );
    await expect(otherModel.similaritySearch({ query: 'alpha' })).rejects.toMatchObject({
      collection: 'space',
      recorded: { embeddingModel: 'mock-embedding', dimensions: 16 },
      got: { embeddingModel: 'other-embedding', dimensions: 16 },
    });
    const otherSize = createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel({ dimensions: 32 }),
      collection: 'space',
    });
    await expect(otherSize.similaritySearch({ query: 'alpha' })).rejects.toMatchObject({
      got: { dimensions: 32 },
    });
  });

  it('drops a collection so that it can be re-ingested with another model', async () => {
    const first = createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel(),
      collection: 'reingest',
    });
    await first.add([doc('a', 'alpha')]);
    await first.drop();
    const second = createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel({ dimensions: 8, modelId: 'v2' }),
      collection: 'reingest',
    });
    await second.add([doc('a', 'alpha')]);
    expect((await second.similaritySearch({ query: 'alpha' }))[0]).toMatchObject({
      id: 'a',
      score: expect.closeTo(1, 5),
    });
    expect(
      await selectRows(
        database.db,
        sql`SELECT embedding_model, dimensions FROM rag_collections WHERE name = 'reingest'`,
      ),
    ).toEqual([{ embedding_model: 'v2', dimensions: 8 }]);
  });

  it('asks the model for `dimensions` and records that size', async () => {
    const model = new MockEmbeddingModel();
    const store = createPgVectorStore({
      db: database,
      embeddingModel: model,
      collection: 'sized',
      dimensions: 24,
    });
    await store.add([doc('a', 'alpha')]);
    await store.similaritySearch({ query: 'alpha' });
    expect(model.requests.map((request) => request.dimensions)).toEqual([24, 24]);
    expect(
      await selectRows(
        database.db,
        sql`SELECT dimensions FROM rag_collections WHERE name = 'sized'`,
      ),
    ).toEqual([{ dimensions: 24 }]);
  });

  it('validates the collection name, which becomes a table name', () => {
    for (const collection of [
      'Docs',
      'docs-v2',
      '1docs',
      'x; DROP TABLE rag_collections',
      'a'.repeat(41),
    ]) {
      expect(() =>
        createPgVectorStore({ db: database, embeddingModel: new MockEmbeddingModel(), collection }),
      ).toThrow(InvalidCollectionNameError);
    }
    expect(() =>
      createPgVectorStore({
        db: database,
        embeddingModel: new MockEmbeddingModel(),
        collection: 'ok',
        efSearch: 0,
      }),
    ).toThrow('Invalid efSearch');
  });

  it('stores text and metadata with NUL characters (PDF extraction), which PostgreSQL rejects', async () => {
    const store = createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel(),
      collection: 'nul',
    });
    await store.add([doc('a', 'al\u0000pha', { source: 'a\u0000.pdf', raw: '\\u0000' })]);
    expect(await store.similaritySearch({ query: 'alpha' })).toMatchObject([
      { text: 'alpha', metadata: { source: 'a.pdf', raw: '\\u0000' } },
    ]);
  });

  it("works with the embedded model's embeddings through createProvider('local')", async () => {
    const embeddingModel = createProvider('local').embedding();
    const store = createPgVectorStore({ db: database, embeddingModel, collection: 'local_llm' });
    await store.add([
      doc('pg', 'PGlite runs PostgreSQL in WebAssembly, with pgvector for similarity search.', {
        source: 'db.md',
      }),
      doc('tea', 'Green tea is brewed at about 80 degrees Celsius.', { source: 'tea.md' }),
      doc('zh', '向量数据库用于相似度搜索。', { source: 'zh.md' }),
    ]);
    const [hit] = await store.similaritySearch({ query: 'How do I brew green tea?', topK: 1 });
    expect(hit).toMatchObject({ id: 'tea', metadata: { source: 'tea.md' } });
    expect(hit?.score).toBeGreaterThan(0.2);
    expect(
      await selectRows(
        database.db,
        sql`SELECT embedding_model, dimensions FROM rag_collections WHERE name = 'local_llm'`,
      ),
    ).toEqual([{ embedding_model: 'local-embedding', dimensions: 384 }]);
  });
});
