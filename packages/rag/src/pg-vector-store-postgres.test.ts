// The pgvector store through the PostgreSQL driver path (`pg` pool, postgres:// URL): against
// PGlite served over pglite-socket (pgvector bundled), and against TEST_POSTGRES_URL. Debian's
// PostgreSQL in CI has no pgvector: there the store must fail with a typed error that says so.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { MockEmbeddingModel } from '@repo/core/testing';
import { createDatabase, VectorUnavailableError, type Database } from '@repo/storage';
import { createTestDatabase, POSTGRES_SKIP_REASON, postgresTestUrl } from '@repo/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLexicalSearchContract } from './__fixtures__/lexical-search-contract.js';
import { describeVectorStoreContract } from './__fixtures__/vector-store-contract.js';
import { selectRows } from './pg-vector-sql.js';
import { createPgVectorStore } from './pg-vector-store.js';

let collections = 0;
const nextCollection = () => `c${++collections}`;

describe('over pglite-socket with pg (the PostgreSQL driver path)', () => {
  let pglite: PGlite;
  let server: PGLiteSocketServer;
  let database: Database;

  beforeAll(async () => {
    pglite = await PGlite.create({ extensions: { vector } });
    // Port 0: the OS picks a free one, so parallel suites never collide.
    server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1' });
    await server.start();
    // One connection: pglite-socket serves one at a time.
    database = await createDatabase({
      url: `postgres://postgres@${server.getServerConn()}/postgres`,
      poolMax: 1,
    });
  });
  afterAll(async () => {
    await database.close();
    await server.stop();
    await pglite.close();
  });

  it('runs on the postgres engine', () => {
    expect(database.kind).toBe('postgres');
  });

  describeVectorStoreContract('pgvector over pglite-socket', async (options) =>
    createPgVectorStore({ db: database, collection: nextCollection(), ...options }),
  );
  describeLexicalSearchContract('pgvector over pglite-socket', async (options) =>
    createPgVectorStore({ db: database, collection: nextCollection(), ...options }),
  );

  it('records the collection and refuses another model over the wire too', async () => {
    await createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel(),
      collection: 'wire',
    }).add([{ id: 'a', text: 'alpha', metadata: {} }]);
    expect(
      await selectRows(
        database.db,
        sql`SELECT embedding_model, dimensions FROM rag_collections WHERE name = 'wire'`,
      ),
    ).toEqual([{ embedding_model: 'mock-embedding', dimensions: 16 }]);
    const other = createPgVectorStore({
      db: database,
      embeddingModel: new MockEmbeddingModel({ modelId: 'v2' }),
      collection: 'wire',
    });
    await expect(other.add([{ id: 'b', text: 'beta', metadata: {} }])).rejects.toMatchObject({
      code: 'embedding_dimension_mismatch',
      recorded: { embeddingModel: 'mock-embedding' },
      got: { embeddingModel: 'v2' },
    });
  });
});

const serverUrl = postgresTestUrl();
if (serverUrl === undefined) console.warn(`PostgreSQL tests ${POSTGRES_SKIP_REASON}`);
// Decided before the tests are declared, so that a server with pgvector runs the whole contract.
const pgvectorOnServer = serverUrl === undefined ? false : await hasPgvector();

describe.skipIf(serverUrl === undefined)(
  `on PostgreSQL${serverUrl === undefined ? ` (${POSTGRES_SKIP_REASON})` : ''}`,
  () => {
    let database: Database | undefined;
    const open = async () => (database ??= await createTestDatabase({ kind: 'postgres' }));
    afterAll(() => database?.close());

    if (pgvectorOnServer) {
      describeVectorStoreContract('pgvector on PostgreSQL', async (options) =>
        createPgVectorStore({ db: await open(), collection: nextCollection(), ...options }),
      );
      describeLexicalSearchContract('pgvector on PostgreSQL', async (options) =>
        createPgVectorStore({ db: await open(), collection: nextCollection(), ...options }),
      );
    } else {
      it('fails with VectorUnavailableError saying to install pgvector (none on this server)', async () => {
        const store = createPgVectorStore({
          db: await open(),
          embeddingModel: new MockEmbeddingModel(),
          collection: 'docs',
        });
        const add = store.add([{ id: 'a', text: 'alpha', metadata: {} }]);
        await expect(add).rejects.toBeInstanceOf(VectorUnavailableError);
        await expect(add).rejects.toThrow(
          /has no pgvector extension\. Install pgvector on the server/,
        );
        await expect(store.similaritySearch({ query: 'alpha' })).rejects.toBeInstanceOf(
          VectorUnavailableError,
        );
      });
    }
  },
);

async function hasPgvector(): Promise<boolean> {
  const probe = await createTestDatabase({ kind: 'postgres' });
  try {
    const rows = await selectRows(
      probe.db,
      sql`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`,
    );
    return rows.length > 0;
  } finally {
    await probe.close();
  }
}
