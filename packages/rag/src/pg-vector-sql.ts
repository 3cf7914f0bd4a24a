// SQL helpers of the pgvector store that are not about collections: running drizzle `sql` on
// either engine, the upsert statement, and the per-search HNSW settings.
import type { Database } from '@repo/storage';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type SQL } from 'drizzle-orm';
import type { RagDocument } from './rag-types.js';
import { tokenize } from './tokenize-text.js';
import { indexedText } from './vector-store-support.js';

/** Drizzle's `execute` on the database or inside a transaction. */
export interface SqlRunner {
  execute(query: SQL): PromiseLike<unknown>;
}

export async function selectRows<T>(runner: SqlRunner, query: SQL): Promise<T[]> {
  // Both engines' results carry `rows`; drizzle types `execute` loosely for the shared type.
  return ((await runner.execute(query)) as { rows: T[] }).rows;
}

// Rows per INSERT: 8 parameters each, far below PostgreSQL's 65,535-parameter limit. Few enough
// that one statement on PGlite (WASM, on this thread; HNSW upkeep costs 2-5 ms a row) holds the
// event loop for a quarter of a second at most, not seconds.
const INSERT_CHUNK = 50;

export interface VectorRow {
  id: string;
  document: RagDocument;
  vector: number[];
}

/** Inserts or replaces the rows by id, in one transaction (all or nothing). */
export async function upsertRows(
  database: Database,
  table: SQL | ReturnType<typeof sql.identifier>,
  rows: readonly VectorRow[],
): Promise<void> {
  await database.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      // PGlite's queries resolve without a turn of the event loop: without this, timers and
      // requests wait for the whole transaction (20 s for 4,500 rows), not one statement.
      if (start > 0) await nextTurn();
      // Built per statement: all rows' SQL at once (their vectors as JSON) took a second of its own.
      const values = rows.slice(start, start + INSERT_CHUNK).map(rowSql);
      await tx.execute(sql`INSERT INTO ${table}
          (id, content, context, metadata, embedding, lexemes, lexeme_count, term_counts)
        VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (id) DO UPDATE SET content = EXCLUDED.content, context = EXCLUDED.context,
          metadata = EXCLUDED.metadata, embedding = EXCLUDED.embedding,
          lexemes = EXCLUDED.lexemes, lexeme_count = EXCLUDED.lexeme_count,
          term_counts = EXCLUDED.term_counts`);
    }
  });
}

function rowSql({ id, document, vector }: VectorRow): SQL {
  // PostgreSQL text and jsonb reject NUL characters, which PDF extraction sometimes produces.
  const text = document.text.replaceAll('\u0000', '');
  const context = document.context?.replaceAll('\u0000', '').trim() || null;
  const metadata = JSON.stringify(document.metadata, (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('\u0000', '') : value,
  );
  const lexical = lexicalValues(indexedText({ text, context: context ?? undefined }));
  return sql`(${id}, ${text}, ${context}, ${metadata}::jsonb, ${JSON.stringify(vector)}::vector, ${lexical})`;
}

/**
 * The `lexemes, lexeme_count, term_counts` values of a row, from the text it embeds: the terms of
 * tokenize-text.ts, which the `simple` configuration keeps as they are, their number, and each
 * term's frequency (BM25 reads it there: a jsonb lookup per query term is far cheaper than
 * unnesting every row's tsvector; pg-vector-lexical.ts).
 */
export function lexicalValues(indexed: string): SQL {
  const tokens = tokenize(indexed.replaceAll('\u0000', ''));
  const counts: Record<string, number> = {};
  for (const token of tokens) counts[token] = (counts[token] ?? 0) + 1;
  return sql`to_tsvector('simple', ${tokens.join(' ')}), ${tokens.length}::int, ${JSON.stringify(counts)}::jsonb`;
}

/** pgvector ≥ 0.8 has iterative index scans; older versions reserve `hnsw.*` without it. */
export async function hasIterativeScan(database: Database): Promise<boolean> {
  const [row] = await selectRows<{ version: string }>(
    database.db,
    sql`SELECT extversion AS version FROM pg_extension WHERE extname = 'vector'`,
  );
  const [major = 0, minor = 0] = (row?.version ?? '0').split('.').map(Number);
  return major > 0 || minor >= 8;
}

export interface SearchSettings {
  efSearch: number | undefined;
  /** Keep scanning the index past ef_search candidates until top-k rows pass the filter. */
  iterativeScan: boolean;
}

/** Runs `run` with the settings SET LOCAL in a transaction; without settings, directly. */
export async function runWithSearchSettings<T>(
  database: Database,
  settings: SearchSettings,
  run: (runner: SqlRunner) => Promise<T>,
): Promise<T> {
  if (settings.efSearch === undefined && !settings.iterativeScan) return run(database.db);
  return database.transaction(async (tx) => {
    if (settings.efSearch !== undefined) {
      await tx.execute(
        sql`SELECT set_config('hnsw.ef_search', ${String(settings.efSearch)}, true)`,
      );
    }
    // strict_order: results stay exactly ordered by distance (relaxed_order may not).
    if (settings.iterativeScan) {
      await tx.execute(sql`SELECT set_config('hnsw.iterative_scan', 'strict_order', true)`);
    }
    return run(tx);
  });
}
