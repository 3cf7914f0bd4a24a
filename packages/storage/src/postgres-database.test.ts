// PostgreSQL (TEST_POSTGRES_URL, a fresh database per test), and the `pg` + pgvector path through
// PGlite served over pglite-socket (Debian's PostgreSQL has no pgvector).
import { PGlite } from '@electric-sql/pglite';
import { vector as pgliteVector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { count, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './create-database.js';
import { VectorUnavailableError } from './storage-errors.js';
import { describeDatabaseContract } from './__fixtures__/database-contract.js';
import { MIGRATIONS_A, MIGRATIONS_B } from './__fixtures__/fixture-paths.js';
import { notes } from './__fixtures__/schema-a.js';
import { nearestDocs } from './__fixtures__/vector-docs.js';
import { createTestDatabase, POSTGRES_SKIP_REASON, postgresTestUrl } from './testing/index.js';

const serverUrl = postgresTestUrl();
if (serverUrl === undefined) console.warn(`PostgreSQL tests ${POSTGRES_SKIP_REASON}`);
const openPostgres = () => createTestDatabase({ kind: 'postgres' });

describe.skipIf(serverUrl === undefined)(
  `PostgreSQL${serverUrl === undefined ? ` (${POSTGRES_SKIP_REASON})` : ''}`,
  () => {
    describeDatabaseContract('PostgreSQL', openPostgres);

    it('opens a postgres:// URL as kind "postgres"', async () => {
      const database = await openPostgres();
      expect(database.kind).toBe('postgres');
      expect(database.url).toMatch(/^postgres:\/\/.*\/test_[0-9a-f]{12}$/);
      await database.close();
    });

    it('lets concurrent migrate calls from separate pools (as two processes) all succeed', async () => {
      const database = await openPostgres();
      const others = await Promise.all(
        [1, 2, 3].map(() => createDatabase({ url: database.connectionString, poolMax: 2 })),
      );
      await Promise.all(
        [database, ...others].flatMap((db) => [
          db.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A }),
          db.migrate({ packageName: 'b', migrationsFolder: MIGRATIONS_B }),
        ]),
      );
      const [applied] = await database.db
        .select({ n: count() })
        .from(sql`drizzle.__drizzle_migrations_a`);
      expect(applied?.n).toBe(2);
      await database.db.insert(notes).values({ body: 'after the race' });
      expect(await database.db.select({ n: count() }).from(notes)).toEqual([{ n: 1 }]);
      await Promise.all(others.map((db) => db.close()));
      await database.close();
    });

    it('gives up after lockTimeoutMs while another process holds the migration lock', async () => {
      const database = await openPostgres();
      const holder = new pg.Client({ connectionString: database.connectionString });
      await holder.connect();
      await holder.query("SELECT pg_advisory_lock(hashtext('@repo/storage:migrate'))");
      const impatient = await createDatabase({
        url: database.connectionString,
        lockTimeoutMs: 300,
      });
      const failure = impatient.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A });
      await expect(failure).rejects.toMatchObject({ code: 'migration_lock_timeout' });
      await expect(failure).rejects.toThrow(/has been migrating .* for over 300 ms/);
      await holder.end();
      await impatient.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A });
      await impatient.close();
      await database.close();
    });

    it('says what to install when the server has no pgvector', async () => {
      const database = await openPostgres();
      const available = (await database.db.execute(
        sql`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`,
      )) as { rows: unknown[] };
      // Debian's PostgreSQL has no pgvector; a server with it simply gets the extension.
      if (available.rows.length === 0) {
        const failure = database.ensureVector();
        await expect(failure).rejects.toBeInstanceOf(VectorUnavailableError);
        await expect(failure).rejects.toThrow(
          /has no pgvector extension\. Install pgvector on the server .* or leave DATABASE_URL unset to use the embedded database \(PGlite\)/,
        );
      } else {
        await database.ensureVector();
      }
      await database.close();
    });

    it('drops its test database on close', async () => {
      const database = await openPostgres();
      const name = database.url.split('/').pop();
      await database.close();
      const probe = await createDatabase({ url: serverUrl });
      const rows = (await probe.db.execute(
        sql`SELECT 1 FROM pg_database WHERE datname = ${name}`,
      )) as { rows: unknown[] };
      expect(rows.rows).toEqual([]);
      await probe.close();
    });
  },
);

describe('pg + pgvector through PGlite over pglite-socket', () => {
  it('creates the extension and answers a cosine query over a postgres:// URL', async () => {
    const pglite = await PGlite.create({ extensions: { vector: pgliteVector } });
    const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1' });
    await server.start();
    const database = await createDatabase({
      url: `postgres://postgres:secret@${server.getServerConn()}/postgres`,
      poolMax: 1,
    });
    try {
      expect(database.url).toBe(`postgres://postgres:***@${server.getServerConn()}/postgres`);
      await database.ensureVector();
      const rows = await nearestDocs(
        database,
        [
          { name: 'x', embedding: [1, 0, 0] },
          { name: 'z', embedding: [0, 0, 1] },
        ],
        [0.1, 0, 1],
      );
      expect(rows).toEqual([
        { name: 'z', embedding: [0, 0, 1] },
        { name: 'x', embedding: [1, 0, 0] },
      ]);
    } finally {
      await database.close();
      await server.stop();
      await pglite.close();
    }
  });
});
