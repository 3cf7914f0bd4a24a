// Lexical search in the database: the tsvector column and its GIN index, the in-place upgrade of a
// table created before them, `simple` keeping every term of the tokenizer (PGlite, and PostgreSQL
// when TEST_POSTGRES_URL is set), and the same ranking as the memory store on one corpus.
import { createTestDatabase, postgresTestUrl, type TestDatabase } from '@repo/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmbeddingModel } from './__fixtures__/vector-store-contract.js';
import { createMemoryVectorStore } from './memory-vector-store.js';
import { lexicalValues, selectRows } from './pg-vector-sql.js';
import { createPgVectorStore } from './pg-vector-store.js';
import type { RagDocument, SearchRequest } from './rag-types.js';
import { tokenize } from './tokenize-text.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const MIXED = 'SpringBoot 与 Spring AI：向量数据库 (pgvector 0.8) 東京タワー HTTPResponse';

const CORPUS: RagDocument[] = [
  {
    id: 'm1',
    text: 'The ChatClient fluent API sends prompts to the chat model',
    metadata: { part: 1 },
  },
  {
    id: 'm2',
    text: 'Advisors wrap ChatClient calls: memory, retrieval, logging',
    metadata: { part: 1 },
  },
  {
    id: 'm3',
    text: 'A VectorStore keeps embeddings; similarity search returns documents',
    metadata: { part: 2 },
  },
  {
    id: 'm4',
    text: 'PgVectorStore stores vectors in PostgreSQL with the pgvector extension',
    metadata: { part: 2 },
  },
  {
    id: 'm5',
    text: 'Spring Boot auto-configuration creates the vector store bean',
    metadata: { part: 3 },
  },
  { id: 'm6', text: '向量数据库用于相似度搜索，检索增强生成依赖它', metadata: { part: 3 } },
  { id: 'm7', text: '聊天客户端通过顾问调用模型，顾问可以添加记忆', metadata: { part: 1 } },
  {
    id: 'm8',
    text: 'ETL pipeline: readers, splitters and writers of documents',
    context: 'Spring AI Reference',
    metadata: { part: 2 },
  },
  {
    id: 'm9',
    text: 'Embedding models turn text into vectors; the store compares vectors',
    metadata: { part: 2 },
  },
];

describe('the lexemes column', () => {
  it('holds the terms of tokenize() unchanged, CJK bigrams included (PGlite)', async () => {
    expect(await lexemesOf(database, MIXED)).toEqual([...new Set(tokenize(MIXED))].sort());
  });

  it.skipIf(postgresTestUrl() === undefined)(
    'holds the terms of tokenize() unchanged on PostgreSQL too (no pgvector needed)',
    async () => {
      const postgres = await createTestDatabase({ kind: 'postgres' });
      try {
        expect(await lexemesOf(postgres, MIXED)).toEqual([...new Set(tokenize(MIXED))].sort());
      } finally {
        await postgres.close();
      }
    },
  );

  it('is filled on add, with a GIN index', async () => {
    const store = createPgVectorStore({
      db: database,
      embeddingModel: newEmbeddingModel(),
      collection: 'gin',
    });
    await store.add([{ id: 'a', text: '向量数据库', context: 'Guide', metadata: {} }]);
    const [row] = await selectRows<{ lexemes: string; lexeme_count: number; term_counts: object }>(
      database.db,
      sql`SELECT lexemes::text, lexeme_count, term_counts FROM rag_vectors_gin`,
    );
    expect(row).toEqual({
      lexemes: "'guide':1 '向量':2 '据库':5 '数据':4 '量数':3",
      lexeme_count: 5,
      term_counts: { guide: 1, 向量: 1, 量数: 1, 数据: 1, 据库: 1 },
    });
    const [index] = await selectRows<{ indexdef: string }>(
      database.db,
      sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'rag_vectors_gin_lexemes'`,
    );
    expect(index?.indexdef).toMatch(/USING gin \(lexemes\)/);
    // The rows holding a query term come from the index (PGlite is one session: seq scans off
    // here make the planner show it the way a large table would).
    await database.db.execute(sql`SET enable_seqscan = off`);
    try {
      const plan = await selectRows<{ 'QUERY PLAN': string }>(
        database.db,
        sql`EXPLAIN SELECT id FROM rag_vectors_gin WHERE lexemes @@ '''向量'' | ''guide'''::tsquery`,
      );
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(
        /Bitmap Index Scan on rag_vectors_gin_lexemes/,
      );
    } finally {
      await database.db.execute(sql`RESET enable_seqscan`);
    }
  });

  it('is added to a table created before lexical search, rows kept and backfilled', async () => {
    const model = newEmbeddingModel();
    const texts = ['the cat sat on the mat', '向量数据库支持相似度搜索', 'SpringBoot starters'];
    const { embeddings } = await model.embed({ input: texts });
    // The table and record as the store created them before this version.
    await database.db.execute(sql`CREATE TABLE IF NOT EXISTS rag_collections (
      name text PRIMARY KEY, embedding_model text NOT NULL, dimensions integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await database.db.execute(sql`INSERT INTO rag_collections (name, embedding_model, dimensions)
      VALUES ('legacy', ${model.modelId}, 256)`);
    await database.db.execute(sql`CREATE TABLE rag_vectors_legacy (id text PRIMARY KEY,
      content text NOT NULL, metadata jsonb NOT NULL DEFAULT '{}', embedding vector(256) NOT NULL)`);
    for (const [index, text] of texts.entries()) {
      await database.db
        .execute(sql`INSERT INTO rag_vectors_legacy (id, content, metadata, embedding)
        VALUES (${`r${index}`}, ${text}, ${JSON.stringify({ index })}::jsonb,
          ${JSON.stringify(embeddings[index])}::vector)`);
    }
    const store = createPgVectorStore({
      db: database,
      embeddingModel: model,
      collection: 'legacy',
    });
    const search = (query: string, request: Partial<SearchRequest> = {}) =>
      store.similaritySearch({ query, mode: 'lexical', minRelevance: {}, ...request });
    expect((await search('向量数据库')).map((hit) => hit.id)).toEqual(['r1']);
    expect((await search('spring boot')).map((hit) => hit.id)).toEqual(['r2']);
    const [count] = await selectRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM rag_vectors_legacy WHERE lexemes IS NOT NULL`,
    );
    expect(count?.n).toBe(3);
    // Vector search and new rows work as before on the upgraded table.
    await store.add([{ id: 'r3', text: 'cat food', context: 'Pets', metadata: {} }]);
    expect((await store.similaritySearch({ query: 'cat', topK: 1 }))[0]?.id).toBe('r3');
    expect((await search('pets'))[0]).toMatchObject({
      id: 'r3',
      text: 'cat food',
      context: 'Pets',
    });
  });
});

describe('the pgvector store ranks as the memory store', () => {
  const queries: SearchRequest[] = [
    { query: 'ChatClient advisors', mode: 'lexical' },
    { query: 'vector store embeddings', mode: 'lexical' },
    { query: '向量数据库 检索', mode: 'lexical' },
    { query: 'SpringBoot vector store', mode: 'lexical', filter: 'part >= 2' },
    { query: 'Spring AI documents', mode: 'hybrid', minRelevance: {} },
    { query: '顾问 ChatClient', mode: 'hybrid', weights: { vector: 1, lexical: 3 } },
    { query: 'What is the capital of France?', mode: 'hybrid' },
  ];

  it.each(queries.map((request) => [request.query, request] as const))(
    '%s',
    async (_label, request) => {
      const options = { embeddingModel: newEmbeddingModel() };
      const memory = createMemoryVectorStore(options);
      const pg = createPgVectorStore({
        db: database,
        collection: `same_${queries.indexOf(request)}`,
        ...options,
      });
      await memory.add(CORPUS);
      await pg.add(CORPUS);
      const expected = await memory.similaritySearch({ topK: 10, ...request });
      const got = await pg.similaritySearch({ topK: 10, ...request });
      expect(got.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
      got.forEach((hit, index) => {
        expect(hit.score).toBeCloseTo(expected[index]?.score ?? NaN, 9);
        expect(hit.signals?.coverage).toBeCloseTo(expected[index]?.signals?.coverage ?? NaN, 9);
      });
    },
  );
});

async function lexemesOf(db: TestDatabase, text: string): Promise<string[]> {
  const rows = await selectRows<{ lexeme: string }>(
    db.db,
    sql`SELECT lexeme FROM unnest((SELECT v FROM (SELECT ${lexicalValues(text)}) AS x(v, n, c)))
        ORDER BY lexeme COLLATE "C"`,
  );
  return rows.map((row) => row.lexeme);
}
