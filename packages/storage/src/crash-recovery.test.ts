// A child appending rows one transaction at a time is killed with SIGKILL: after reopening, every
// row it reported committed is there, and no partial row (PGlite file and PostgreSQL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from './create-database.js';
import type { Database } from './database.js';
import { killed, startNode, waitForLine } from './__fixtures__/child-process.js';
import { APPEND_ROWS_SCRIPT, DIST_INDEX, MIGRATIONS_A } from './__fixtures__/fixture-paths.js';
import { notes } from './__fixtures__/schema-a.js';
import { createTestDatabase, POSTGRES_SKIP_REASON, postgresTestUrl } from './testing/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'storage-crash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const serverUrl = postgresTestUrl();
if (serverUrl === undefined) console.warn(`PostgreSQL tests ${POSTGRES_SKIP_REASON}`);

/** Runs the appender until it has committed `atLeast` rows, kills it, returns the last id it printed. */
async function appendThenKill(connectionUrl: string, atLeast: number): Promise<number> {
  const child = startNode(APPEND_ROWS_SCRIPT, [DIST_INDEX, connectionUrl, MIGRATIONS_A]);
  const output = await waitForLine(child, new RegExp(`committed ${atLeast}\\n`));
  await killed(child, 'SIGKILL');
  const ids = [...output.matchAll(/committed (\d+)\n/g)].map((match) => Number(match[1]));
  return Math.max(...ids);
}

async function expectRowsUpTo(database: Database, lastReported: number): Promise<void> {
  await database.migrate({ packageName: 'a', migrationsFolder: MIGRATIONS_A });
  const rows = await database.db.select().from(notes).orderBy(notes.id);
  // Every reported row is there; one more may have committed between the print and the kill.
  expect(rows.length === lastReported || rows.length === lastReported + 1).toBe(true);
  rows.forEach((row, index) => {
    expect(row).toEqual({ id: index + 1, body: `row ${index + 1}`, rank: index + 1 });
  });
}

describe('crash safety under SIGKILL', { timeout: 90_000 }, () => {
  it('PGlite file: committed rows survive, the stale lock is taken over', async () => {
    const url = `file:${join(scratch, 'appender')}`;
    const lastReported = await appendThenKill(url, 20);
    const database = await createDatabase({ url });
    await expectRowsUpTo(database, lastReported);
    await database.close();
  });

  it.skipIf(serverUrl === undefined)(
    `PostgreSQL: committed rows survive${serverUrl === undefined ? ` (${POSTGRES_SKIP_REASON})` : ''}`,
    async () => {
      const database = await createTestDatabase({ kind: 'postgres' });
      const lastReported = await appendThenKill(database.connectionString, 50);
      await expectRowsUpTo(database, lastReported);
      await database.close();
    },
  );
});
