// A three-dimension vector table for the pgvector tests, created by hand (it needs ensureVector first).
import { cosineDistance, sql } from 'drizzle-orm';
import { pgTable, serial, text, vector } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';

export const docs = pgTable('docs', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  embedding: vector('embedding', { dimensions: 3 }).notNull(),
});

/** Creates `docs`, inserts the rows, returns names and embeddings nearest to `query` first. */
export async function nearestDocs(
  database: Database,
  rows: { name: string; embedding: number[] }[],
  query: number[],
): Promise<{ name: string; embedding: number[] }[]> {
  await database.db.execute(
    sql`CREATE TABLE docs (id serial PRIMARY KEY, name text NOT NULL, embedding vector(3) NOT NULL)`,
  );
  await database.db.insert(docs).values(rows);
  return database.db
    .select({ name: docs.name, embedding: docs.embedding })
    .from(docs)
    .orderBy(cosineDistance(docs.embedding, query));
}
