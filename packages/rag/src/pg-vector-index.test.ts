// The pgvector store's HNSW index on PGlite: halfvec above 2,000 dimensions, ef_search per store,
// and iterative scans that keep filtered searches from coming back short.
import { MockEmbeddingModel } from '@repo/core/testing';
import { createTestDatabase, type TestDatabase } from '@repo/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgVectorStore } from './pg-vector-store.js';
import { selectRows } from './pg-vector-sql.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const doc = (id: string, text: string) => ({ id, text, metadata: {} });

describe('the HNSW index of createPgVectorStore', () => {
  it('indexes 2,001-4,000 dimensions as halfvec (pgvector indexes at most 2,000 as vector)', async () => {
    const store = createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel({ dimensions: 2048 }),
      collection: 'wide',
    });
    await store.add([doc('a', 'alpha beta'), doc('b', 'gamma')]);
    const [hit] = await store.similaritySearch({ query: 'alpha', topK: 1 });
    expect(hit).toMatchObject({ id: 'a', score: expect.closeTo(Math.SQRT1_2, 5) });
    const [index] = await selectRows<{ indexdef: string }>(
      database.db,
      sql`SELECT indexdef FROM pg_indexes WHERE tablename = 'rag_vectors_wide'`.append(
        sql` AND indexname LIKE '%hnsw'`,
      ),
    );
    expect(index?.indexdef).toMatch(
      /hnsw \(\(\(embedding\)::halfvec\(2048\)\) halfvec_cosine_ops\)/,
    );
  });

  it('sets hnsw.ef_search for its own searches only', async () => {
    const model = new MockEmbeddingModel({
      embed: (text) => [Number(text), 1, Math.sin(Number(text))],
    });
    const docs = Array.from({ length: 60 }, (_, i) => doc(`n${i}`, String(i)));
    await createPgVectorStore({ db: database, embeddingModel: model, collection: 'ef' }).add(docs);
    const narrow = createPgVectorStore({
      db: database,
      embeddingModel: model,
      collection: 'ef',
      efSearch: 1,
    });
    const wide = createPgVectorStore({
      db: database,
      embeddingModel: model,
      collection: 'ef',
      efSearch: 100,
    });
    // The index hands back at most ef_search candidates (no iterative scan without a filter).
    expect(await narrow.similaritySearch({ query: '7', topK: 10 })).toHaveLength(1);
    expect(await wide.similaritySearch({ query: '7', topK: 10 })).toHaveLength(10);
    expect(
      await selectRows(database.db, sql`SELECT current_setting('hnsw.ef_search') AS value`),
    ).toEqual([{ value: '40' }]);
    // With a filter the index scan goes on until it has top-k matches (iterative scan). PGlite is
    // one session, so turning seq scans off here makes the planner take the index path.
    await database.db.execute(sql`SET enable_seqscan = off`);
    try {
      const hits = await narrow.similaritySearch({ query: '7', topK: 3, filter: 'x == null' });
      expect(hits).toHaveLength(3);
      expect(hits[0]?.id).toBe('n7');
    } finally {
      await database.db.execute(sql`RESET enable_seqscan`);
    }
  });
});
