// The PostgreSQL test switch: the URL when set, undefined locally, a failure in CI.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageError } from '../storage-errors.js';
import { createTestDatabase, postgresTestUrl } from './index.js';

afterEach(() => vi.unstubAllEnvs());

describe('postgresTestUrl', () => {
  it('returns TEST_POSTGRES_URL when it is set', () => {
    vi.stubEnv('TEST_POSTGRES_URL', ' postgres://postgres@127.0.0.1:5499/postgres ');
    expect(postgresTestUrl()).toBe('postgres://postgres@127.0.0.1:5499/postgres');
  });

  it('returns undefined locally when it is missing, so suites skip', () => {
    vi.stubEnv('TEST_POSTGRES_URL', '');
    vi.stubEnv('CI', '');
    expect(postgresTestUrl()).toBeUndefined();
  });

  it('throws when CI=true and it is missing, so suites fail', async () => {
    vi.stubEnv('TEST_POSTGRES_URL', '');
    vi.stubEnv('CI', 'true');
    expect(() => postgresTestUrl()).toThrow(StorageError);
    expect(() => postgresTestUrl()).toThrow('TEST_POSTGRES_URL is not set but CI=true');
    await expect(createTestDatabase({ kind: 'postgres' })).rejects.toThrow('CI=true');
  });
});

describe('createTestDatabase', () => {
  it('gives an empty PGlite by default, and dropAll empties it again', async () => {
    const database = await createTestDatabase();
    expect([database.kind, database.url]).toEqual(['pglite', 'memory://']);
    await database.db.execute('CREATE TABLE t (x int)');
    await database.dropAll();
    // Both engines' results carry `rows`; drizzle types `execute` as unknown for the shared type.
    const tables = (await database.db.execute(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )) as { rows: unknown[] };
    expect(tables.rows).toEqual([]);
    await database.close();
  });
});
