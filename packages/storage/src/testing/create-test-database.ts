// Throwaway databases for tests: PGlite in memory, or a fresh PostgreSQL database per suite
// (turbo runs workspaces' tests in parallel against one server), dropped on close.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase } from '../create-database.js';
import type { Database } from '../database.js';
import { StorageError } from '../storage-errors.js';
import { postgresTestUrl } from './postgres-test-url.js';

export interface TestDatabase extends Database {
  /** The unmasked URL, for a second pool or a child process (`url` hides the password). */
  readonly connectionString: string;
  /** Drops every table, type and migrations record, leaving an empty database open. */
  dropAll(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  kind?: 'pglite' | 'postgres';
}

export async function createTestDatabase(
  options: CreateTestDatabaseOptions = {},
): Promise<TestDatabase> {
  if (options.kind !== 'postgres') {
    return withDropAll(
      await createDatabase({ url: 'memory://' }),
      'memory://',
      async () => undefined,
    );
  }
  const serverUrl = postgresTestUrl();
  if (serverUrl === undefined) {
    throw new StorageError('createTestDatabase({ kind: "postgres" }) needs TEST_POSTGRES_URL', {
      code: 'missing_test_service',
    });
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await createDatabase({ url: url.toString(), poolMax: 5 });
  } catch (error) {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
  return withDropAll(database, url.toString(), () =>
    onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

function withDropAll(
  database: Database,
  connectionString: string,
  afterClose: () => Promise<void>,
): TestDatabase {
  let closing: Promise<void> | undefined;
  return {
    kind: database.kind,
    url: database.url,
    connectionString,
    db: database.db,
    migrate: (options) => database.migrate(options),
    transaction: (fn) => database.transaction(fn),
    ensureVector: () => database.ensureVector(),
    close() {
      closing ??= database.close().then(afterClose);
      return closing;
    },
    async dropAll() {
      await database.transaction(async (tx) => {
        await tx.execute('DROP SCHEMA IF EXISTS drizzle CASCADE');
        await tx.execute('DROP SCHEMA public CASCADE');
        await tx.execute('CREATE SCHEMA public');
      });
    },
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
