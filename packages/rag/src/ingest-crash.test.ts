// Issue 12: a process ingesting into a PGlite folder is killed with SIGKILL while a document's
// chunks are being written; after a restart the store holds each document whole or not at all:
// every document the child reported stored has all its chunks, the one being written has all or
// none, and no other document has any. Killed during the first document (the collection's table
// is created by that write) and during a later one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database } from '@repo/storage';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectRows } from './pg-vector-sql.js';

const CHILD = fileURLToPath(new URL('./__fixtures__/ingest-until-killed.mjs', import.meta.url));
const DOCUMENTS = 6;

interface ChildRun {
  /** Chunks of each document whose write began. */
  writing: Map<number, number>;
  stored: number[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs the child on a PGlite folder and SIGKILLs it `delayMs` after document `killAt` starts its
 * write (a delay only moves the kill further into the write: either outcome is checked).
 */
async function ingestUntilKilled(
  folder: string,
  killAt: number,
  delayMs: number,
): Promise<ChildRun> {
  const child = spawn(process.execPath, [CHILD, `file:${folder}`, String(DOCUMENTS)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: ChildRun = { writing: new Map(), stored: [], signal: null, stderr: '' };
  child.stderr.on('data', (chunk) => (run.stderr += String(chunk)));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (_code, signal) => {
      run.signal = signal;
      resolve();
    }),
  );
  for await (const line of createInterface({ input: child.stdout })) {
    const [word, n, chunks] = line.split(' ');
    if (word === 'stored') run.stored.push(Number(n));
    if (word === 'storing') {
      run.writing.set(Number(n), Number(chunks));
      if (Number(n) === killAt) setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  }
  await exited;
  return run;
}

async function chunksPerDocument(database: Database): Promise<Map<string, number>> {
  const [table] = await selectRows<{ name: string | null }>(
    database.db,
    sql`SELECT to_regclass('rag_vectors_crash')::text AS name`,
  );
  if (!table?.name) return new Map();
  const rows = await selectRows<{ source: string; count: number }>(
    database.db,
    sql`SELECT metadata->>'source' AS source, count(*)::int AS count FROM rag_vectors_crash GROUP BY 1`,
  );
  return new Map(rows.map((row) => [row.source, row.count]));
}

describe('SIGKILL while ingesting into a PGlite folder', () => {
  it.each([
    [1, 0],
    [3, 200],
  ])(
    'killed while writing document %i (after %i ms): every document whole or absent after a restart',
    async (killAt, delayMs) => {
      const folder = mkdtempSync(join(tmpdir(), 'rag-crash-'));
      try {
        const run = await ingestUntilKilled(folder, killAt, delayMs);
        expect(run.stderr).toBe('');
        expect(run.signal).toBe('SIGKILL');
        // The kill may land after the write of `killAt` returned, never later than that.
        expect(run.stored.slice(0, killAt - 1)).toEqual(
          Array.from({ length: killAt - 1 }, (_, i) => i + 1),
        );
        expect(run.stored.length).toBeLessThanOrEqual(killAt);
        const database = await createDatabase({ url: `file:${folder}` });
        try {
          const stored = await chunksPerDocument(database);
          for (const n of run.stored) expect(stored.get(`doc-${n}.txt`)).toBe(run.writing.get(n));
          // Whatever else is there is whole: as many chunks as its write began with.
          for (const [source, count] of stored)
            expect(count).toBe(run.writing.get(Number(/\d+/.exec(source)?.[0])));
          expect(run.writing.get(killAt)).toBeGreaterThan(1000);
        } finally {
          await database.close();
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
