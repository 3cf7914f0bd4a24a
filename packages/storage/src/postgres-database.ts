// PostgreSQL through a node-postgres pool. Migrations hold a session-level advisory lock on one
// pooled connection, so processes starting at once apply them one after the other.
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, DrizzleDatabase, MigrateOptions, Transaction } from './database.js';
import { createMutex, migrationsTableName } from './migrations-table.js';
import { StorageError, VectorUnavailableError } from './storage-errors.js';

// One key for every package: two packages migrating at once would otherwise race on drizzle's
// `CREATE SCHEMA IF NOT EXISTS drizzle` (a unique-violation on pg_namespace).
const MIGRATION_LOCK = "hashtext('@repo/storage:migrate')";

export interface PostgresOptions {
  url: string;
  connectionString: string;
  poolMax: number;
  lockTimeoutMs: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const { url } = options;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolMax });
  // An idle client's error (server restart) would otherwise crash the process.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StorageError(`Cannot connect to PostgreSQL at ${url}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const db = drizzle({ client: pool }) as unknown as DrizzleDatabase;
  const serialize = createMutex();
  let closing: Promise<void> | undefined;

  async function migrateLocked(migrateOptions: MigrateOptions): Promise<void> {
    const migrationsTable = migrationsTableName(migrateOptions.packageName);
    const client = await pool.connect();
    try {
      await acquireLock(client, options.lockTimeoutMs, url);
      try {
        await migrate(drizzle({ client }), {
          migrationsFolder: migrateOptions.migrationsFolder,
          migrationsTable,
        });
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
      }
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    url,
    db,
    migrate: (migrateOptions) => serialize(() => migrateLocked(migrateOptions)),
    transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      return db.transaction(fn);
    },
    async ensureVector() {
      const available = await pool.query(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'",
      );
      if (available.rowCount === 0) throw new VectorUnavailableError(url);
      try {
        await pool.query('CREATE EXTENSION IF NOT EXISTS vector');
      } catch (error) {
        throw new StorageError(
          `pgvector is installed on ${url} but CREATE EXTENSION vector failed (${messageOf(error)}); ` +
            'ask the database owner to run it once',
          { cause: error },
        );
      }
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}

async function acquireLock(client: pg.PoolClient, timeoutMs: number, url: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(${MIGRATION_LOCK}) AS locked`,
    );
    if (result.rows[0]?.locked === true) return;
    if (Date.now() >= deadline) {
      throw new StorageError(
        `Another process has been migrating ${url} for over ${timeoutMs} ms; gave up waiting`,
        { code: 'migration_lock_timeout' },
      );
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
