// PGlite (Postgres compiled to WASM) in memory or in a folder, with pgvector registered at open
// (it costs nothing until `CREATE EXTENSION vector`). One process per folder: see folder-lock.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, DrizzleDatabase, MigrateOptions, Transaction } from './database.js';
import { lockFolder } from './folder-lock.js';
import type { FolderLock } from './folder-lock.js';
import { createMutex, migrationsTableName } from './migrations-table.js';
import { StorageError } from './storage-errors.js';

// A fresh PGlite runs initdb (seconds in WASM); later memory:// databases in the same process
// and new folders start from a dump of the first one instead, 2-3x faster (tests open many).
let memoryTemplate: Promise<File | Blob> | undefined;

async function createMemoryClient(): Promise<PGlite> {
  const template = await memoryTemplate?.catch(() => undefined);
  if (template !== undefined)
    return PGlite.create({ loadDataDir: template, extensions: { vector } });
  const client = await PGlite.create({ extensions: { vector } });
  memoryTemplate ??= client.dumpDataDir('none');
  await memoryTemplate.catch(() => undefined);
  return client;
}

async function createFileClient(folder: string): Promise<PGlite> {
  const isNew = !existsSync(join(folder, 'PG_VERSION'));
  const template = isNew ? await memoryTemplate?.catch(() => undefined) : undefined;
  return PGlite.create({
    dataDir: folder,
    extensions: { vector },
    ...(template === undefined ? {} : { loadDataDir: template }),
  });
}

export async function openPglite(url: string, folder: string | undefined): Promise<Database> {
  const lock: FolderLock | undefined = folder === undefined ? undefined : lockFolder(folder);
  let client: PGlite;
  try {
    client = folder === undefined ? await createMemoryClient() : await createFileClient(folder);
  } catch (error) {
    lock?.release();
    throw new StorageError(`Cannot open the embedded database ${url}`, { cause: error });
  }
  const db = drizzle({ client }) as unknown as DrizzleDatabase;
  const serialize = createMutex();
  let closing: Promise<void> | undefined;

  return {
    kind: 'pglite',
    url,
    db,
    migrate(options: MigrateOptions) {
      const migrationsTable = migrationsTableName(options.packageName);
      // One process holds the folder, so an in-process queue is all the serialization needed.
      return serialize(() =>
        migrate(drizzle({ client }), {
          migrationsFolder: options.migrationsFolder,
          migrationsTable,
        }),
      );
    },
    transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      return db.transaction(fn);
    },
    async ensureVector() {
      await client.exec('CREATE EXTENSION IF NOT EXISTS vector');
    },
    close() {
      closing ??= (async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      })();
      return closing;
    },
  };
}
