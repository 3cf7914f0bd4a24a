// PGlite in memory and on disk: the shared contract, reopening a folder, and pgvector.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from './create-database.js';
import { describeDatabaseContract } from './__fixtures__/database-contract.js';
import { MIGRATIONS_A } from './__fixtures__/fixture-paths.js';
import { notes } from './__fixtures__/schema-a.js';
import { nearestDocs } from './__fixtures__/vector-docs.js';

const scratch = mkdtempSync(join(tmpdir(), 'storage-pglite-'));
let folders = 0;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describeDatabaseContract('PGlite memory://', () => createDatabase());
describeDatabaseContract('PGlite file:', () =>
  createDatabase({ url: `file:${join(scratch, `db-${(folders += 1)}`)}` }),
);

describe('PGlite', () => {
  it('opens memory:// by default and reports it', async () => {
    const database = await createDatabase();
    expect([database.kind, database.url]).toEqual(['pglite', 'memory://']);
    await database.close();
  });

  it('keeps committed rows in a folder across close and reopen', async () => {
    const url = `file:${join(scratch, 'reopen')}`;
    const first = await createDatabase({ url });
    expect(first.url).toBe(url);
    await first.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A });
    await first.db.insert(notes).values([{ body: 'one' }, { body: 'two' }]);
    await first.close();

    const second = await createDatabase({ url });
    await second.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A });
    expect(await second.db.select({ body: notes.body }).from(notes).orderBy(notes.id)).toEqual([
      { body: 'one' },
      { body: 'two' },
    ]);
    await second.close();
  });

  it('runs a vector(3) column and a cosine query after ensureVector()', async () => {
    const database = await createDatabase();
    await database.ensureVector();
    await database.ensureVector();
    const rows = await nearestDocs(
      database,
      [
        { name: 'x', embedding: [1, 0, 0] },
        { name: 'y', embedding: [0, 1, 0] },
        { name: 'xy', embedding: [1, 1, 0] },
      ],
      [1, 0.1, 0],
    );
    expect(rows).toEqual([
      { name: 'x', embedding: [1, 0, 0] },
      { name: 'xy', embedding: [1, 1, 0] },
      { name: 'y', embedding: [0, 1, 0] },
    ]);
    await database.close();
  });
});
