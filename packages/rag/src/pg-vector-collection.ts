// Collections of the pgvector store: one table per collection, `rag_vectors_<name>` (text, context,
// metadata, embedding, lexemes), created at run time (its vector size is only known from the first
// embedding, so a migration cannot create it), and a registry `rag_collections` recording each one's embedding model and size, so that
// vectors from another model are refused instead of silently compared.
import type { Database } from '@repo/storage';
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type SqlRunner } from './pg-vector-sql.js';
import { CREATE_LOCK, ensureCurrentColumns } from './pg-vector-upgrade.js';
import { InvalidCollectionNameError } from './rag-errors.js';
import { assertEmbeddingSpace } from './vector-store-support.js';

// ≤ 40 characters keeps `rag_vectors_<name>_hnsw` under PostgreSQL's 63-character identifiers.
const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,39}$/;
// pgvector indexes at most 2,000 dimensions as `vector` and 4,000 as `halfvec`.
const MAX_VECTOR_INDEX = 2000;
const MAX_HALFVEC_INDEX = 4000;

export interface CollectionRecord {
  name: string;
  embeddingModel: string;
  dimensions: number;
}

export function tableNameOf(collection: string): string {
  if (!COLLECTION_NAME.test(collection)) throw new InvalidCollectionNameError(collection);
  return `rag_vectors_${collection}`;
}

/** The distance expression the HNSW index serves (`halfvec` between 2,000 and 4,000 dims). */
export function indexedDistance(dimensions: number, query: SQL): SQL {
  if (!usesHalfvec(dimensions)) return sql`(embedding <=> ${query})`;
  return sql`(${indexedColumn(dimensions)} <=> (${query})::${sql.raw(`halfvec(${dimensions})`)})`;
}

function usesHalfvec(dimensions: number): boolean {
  return dimensions > MAX_VECTOR_INDEX && dimensions <= MAX_HALFVEC_INDEX;
}

function indexedColumn(dimensions: number): SQL {
  return usesHalfvec(dimensions) ? sql.raw(`(embedding::halfvec(${dimensions}))`) : sql`embedding`;
}

/** The collection's record, or undefined before its first document (call `ensureVector` first). */
export async function findCollection(
  database: Database,
  name: string,
): Promise<CollectionRecord | undefined> {
  if (!(await registryExists(database.db))) return undefined;
  const [row] = await selectRows<CollectionRecord>(
    database.db,
    sql`SELECT name, embedding_model AS "embeddingModel", dimensions FROM rag_collections
        WHERE name = ${name}`,
  );
  return row;
}

/**
 * The collection's record, creating table, HNSW index and record when it does not exist yet
 * (call `ensureVector` first). Throws EmbeddingDimensionMismatchError when `wanted` differs.
 */
export async function openCollection(
  database: Database,
  wanted: CollectionRecord,
): Promise<CollectionRecord> {
  const table = sql.identifier(tableNameOf(wanted.name));
  return database.transaction(async (tx) => {
    await tx.execute(CREATE_LOCK);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS rag_collections (
      name text PRIMARY KEY, embedding_model text NOT NULL, dimensions integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await tx.execute(sql`INSERT INTO rag_collections (name, embedding_model, dimensions)
      VALUES (${wanted.name}, ${wanted.embeddingModel}, ${wanted.dimensions})
      ON CONFLICT (name) DO NOTHING`);
    const [recorded] = await selectRows<CollectionRecord>(
      tx,
      sql`SELECT name, embedding_model AS "embeddingModel", dimensions FROM rag_collections
          WHERE name = ${wanted.name}`,
    );
    const record = recorded ?? wanted;
    assertEmbeddingSpace(wanted.name, record, wanted);
    const dims = record.dimensions;
    // IF NOT EXISTS on every open: a table dropped by hand comes back instead of failing inserts.
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS ${table} (
      id text PRIMARY KEY, content text NOT NULL, metadata jsonb NOT NULL DEFAULT '{}',
      embedding ${sql.raw(`vector(${dims})`)} NOT NULL, context text, lexemes tsvector,
      lexeme_count integer NOT NULL DEFAULT 0, term_counts jsonb NOT NULL DEFAULT '{}')`);
    await ensureCurrentColumns(tx, tableNameOf(wanted.name));
    if (dims <= MAX_HALFVEC_INDEX) {
      const index = sql.identifier(`${tableNameOf(wanted.name)}_hnsw`);
      const opclass = sql.raw(usesHalfvec(dims) ? 'halfvec_cosine_ops' : 'vector_cosine_ops');
      await tx.execute(
        sql`CREATE INDEX IF NOT EXISTS ${index} ON ${table} USING hnsw (${indexedColumn(dims)} ${opclass})`,
      );
    }
    return record;
  });
}

export async function dropCollection(database: Database, name: string): Promise<void> {
  const table = sql.identifier(tableNameOf(name));
  await database.transaction(async (tx) => {
    await tx.execute(CREATE_LOCK);
    await tx.execute(sql`DROP TABLE IF EXISTS ${table}`);
    if (await registryExists(tx)) {
      await tx.execute(sql`DELETE FROM rag_collections WHERE name = ${name}`);
    }
  });
}

async function registryExists(runner: SqlRunner): Promise<boolean> {
  const [row] = await selectRows<{ found: boolean }>(
    runner,
    sql`SELECT to_regclass('rag_collections') IS NOT NULL AS found`,
  );
  return row?.found === true;
}
