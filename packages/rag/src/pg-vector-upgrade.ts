// Brings a collection table up to the current columns in place, rows kept: tables created before
// lexical search get `context`, and `lexemes`, `lexeme_count` and `term_counts` filled from their
// rows; every table gets its GIN index. Checked first, so an up-to-date table takes no ALTER TABLE lock.
import type { Database } from '@repo/storage';
import { sql } from 'drizzle-orm';
import { lexicalValues, selectRows, type SqlRunner } from './pg-vector-sql.js';
import { indexedText } from './vector-store-support.js';

/** Serializes collection creation and upgrades across processes sharing one PostgreSQL server. */
export const CREATE_LOCK = sql`SELECT pg_advisory_xact_lock(hashtext('@repo/rag:collections'))`;

// Columns added after the first release, with their definitions.
const ADDED_COLUMNS: Record<string, string> = {
  context: 'text',
  lexemes: 'tsvector',
  lexeme_count: 'integer NOT NULL DEFAULT 0',
  term_counts: "jsonb NOT NULL DEFAULT '{}'",
};
// Rows filled per UPDATE while backfilling `lexemes`.
const BACKFILL_CHUNK = 200;

/** Upgrades the collection's table when it lacks a column or the GIN index. */
export async function upgradeCollection(database: Database, tableName: string): Promise<void> {
  if (await isCurrent(database.db, tableName)) return;
  await database.transaction(async (tx) => {
    await tx.execute(CREATE_LOCK);
    await ensureCurrentColumns(tx, tableName);
  });
}

/** Adds the missing columns (backfilling `lexemes`) and the GIN index; call within the lock. */
export async function ensureCurrentColumns(runner: SqlRunner, tableName: string): Promise<void> {
  const table = sql.identifier(tableName);
  const missing = await missingColumns(runner, tableName);
  for (const column of missing) {
    await runner.execute(
      sql`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${sql.identifier(column)} ${sql.raw(ADDED_COLUMNS[column] ?? 'text')}`,
    );
  }
  if (missing.some((column) => column !== 'context')) await backfillLexemes(runner, table);
  await runner.execute(
    sql`CREATE INDEX IF NOT EXISTS ${sql.identifier(`${tableName}_lexemes`)} ON ${table} USING gin (lexemes)`,
  );
}

// A table that is not there (dropped by hand) has nothing to upgrade: counted as current.
async function isCurrent(runner: SqlRunner, tableName: string): Promise<boolean> {
  const [table] = await selectRows<{ found: boolean }>(
    runner,
    sql`SELECT to_regclass(${tableName}) IS NOT NULL AS found`,
  );
  if (table?.found !== true) return true;
  if ((await missingColumns(runner, tableName)).length > 0) return false;
  const [row] = await selectRows<{ found: boolean }>(
    runner,
    sql`SELECT to_regclass(${`${tableName}_lexemes`}) IS NOT NULL AS found`,
  );
  return row?.found === true;
}

async function missingColumns(runner: SqlRunner, tableName: string): Promise<string[]> {
  const rows = await selectRows<{ name: string }>(
    runner,
    sql`SELECT attname AS name FROM pg_attribute
        WHERE attrelid = to_regclass(${tableName}) AND attnum > 0 AND NOT attisdropped`,
  );
  const present = new Set(rows.map((row) => row.name));
  return Object.keys(ADDED_COLUMNS).filter((column) => !present.has(column));
}

// Tokenised in JS (the same tokenizer as new rows), a chunk of rows per statement, by id order.
async function backfillLexemes(
  runner: SqlRunner,
  table: ReturnType<typeof sql.identifier>,
): Promise<void> {
  for (let after = ''; ;) {
    const rows = await selectRows<{ id: string; text: string; context: string | null }>(
      runner,
      sql`SELECT id, content AS text, context FROM ${table} WHERE id COLLATE "C" > ${after}
          ORDER BY id COLLATE "C" LIMIT ${BACKFILL_CHUNK}`,
    );
    if (rows.length === 0) return;
    const values = rows.map(
      (row) =>
        sql`(${row.id}, ${lexicalValues(indexedText({ text: row.text, context: row.context ?? undefined }))})`,
    );
    await runner.execute(sql`UPDATE ${table} AS t
      SET lexemes = v.lexemes, lexeme_count = v.n, term_counts = v.counts
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, lexemes, n, counts) WHERE t.id = v.id`);
    after = rows[rows.length - 1]?.id ?? after;
  }
}
