// The one Database contract every persisting package codes against, whichever engine is behind it.
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

/** A drizzle database, usable with drizzle's pg-core query builder on either engine. */
export type DrizzleDatabase = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** The `tx` handed to `Database.transaction`. */
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;

export interface CreateDatabaseOptions {
  /** `memory://` (default), `file:<folder>` or `postgres://…`; usually `process.env.DATABASE_URL`. */
  url?: string;
  /** PostgreSQL only: the node-postgres pool size (default 10). */
  poolMax?: number;
  /** How long `migrate` waits for another process's migration to finish (default 60 s). */
  lockTimeoutMs?: number;
}

export interface MigrateOptions {
  /** Names the migrations table, `__drizzle_migrations_<packageName>` (scope dropped). */
  packageName: string;
  /** The folder `drizzle-kit generate` wrote (holds `meta/_journal.json`). */
  migrationsFolder: string;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** The URL it was opened with, password masked: safe to log. */
  readonly url: string;
  readonly db: DrizzleDatabase;
  /** Applies a package's pending migrations; idempotent, serialized across processes. */
  migrate(options: MigrateOptions): Promise<void>;
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Makes the `vector` type available; VectorUnavailableError on a server without pgvector. */
  ensureVector(): Promise<void>;
  /** Waits for running queries, closes connections and releases the folder lock. Idempotent. */
  close(): Promise<void>;
}
