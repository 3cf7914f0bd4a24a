// The package's entry point: one factory for the three DATABASE_URL forms.
import type { CreateDatabaseOptions, Database } from './database.js';
import { parseDatabaseUrl } from './database-url.js';
import { openPglite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';

/**
 * Opens `memory://` (default), `file:<folder>` (PGlite on disk, one process at a time) or
 * `postgres://…` (node-postgres pool). Nothing is migrated: call `migrate` per package.
 */
export async function createDatabase(options: CreateDatabaseOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(options.url);
  switch (target.kind) {
    case 'memory':
      return openPglite(target.url, undefined);
    case 'file':
      return openPglite(target.url, target.folder);
    case 'postgres':
      return openPostgres({
        url: target.url,
        connectionString: target.connectionString,
        poolMax: options.poolMax ?? 10,
        lockTimeoutMs: options.lockTimeoutMs ?? 60_000,
      });
  }
}

/**
 * Opens the database and runs `setup` on it (migrations, stores); if `setup` throws, the database
 * is closed before the error goes on, so a failed start never leaves a PGlite folder locked or a
 * pool open. What every app's store service does on first use.
 */
export async function openDatabaseWith<T>(
  options: CreateDatabaseOptions,
  setup: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await createDatabase(options);
  try {
    return await setup(database);
  } catch (error) {
    await database.close();
    throw error;
  }
}
