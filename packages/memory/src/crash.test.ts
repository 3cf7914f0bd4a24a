// Issue 4 §5: a process appending in a loop is killed with SIGKILL; after reopening the store,
// every append it reported as committed is there, whole, and nothing partial is (ordinals 1..N
// with no gap, N even: each append is a user + assistant pair in one transaction). On a PGlite
// folder (its lock left by the dead process is taken over) and on PostgreSQL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database } from '@repo/storage';
import { createTestDatabase, postgresTestUrl } from '@repo/storage/testing';
import { describe, expect, it } from 'vitest';
import { describeWithPostgres } from './__fixtures__/test-services.js';
import { createSqlChatMemoryRepository } from './sql-chat-memory-repository.js';

const CHILD = fileURLToPath(new URL('./__fixtures__/append-until-killed.mjs', import.meta.url));
const CONVERSATION = 'crash';
/** Kill once this many appends were reported; the child stops by itself after MAX_APPENDS. */
const KILL_AFTER = 25;
const MAX_APPENDS = 5000;

const textOf = (ordinal: number) => `message ${ordinal} ${'x'.repeat(2000)} end ${ordinal}`;

interface ChildRun {
  reported: number[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs the child on `url` and SIGKILLs it after KILL_AFTER reported appends. */
async function appendUntilKilled(url: string): Promise<ChildRun> {
  const child = spawn(process.execPath, [CHILD, url, CONVERSATION, String(MAX_APPENDS)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: ChildRun = { reported: [], signal: null, code: null, stderr: '' };
  child.stderr.on('data', (chunk) => (run.stderr += String(chunk)));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      run.code = code;
      run.signal = signal;
      resolve();
    }),
  );
  for await (const line of createInterface({ input: child.stdout })) {
    run.reported.push(Number(line));
    if (run.reported.length === KILL_AFTER) child.kill('SIGKILL');
  }
  await exited;
  return run;
}

async function expectEveryReportedAppendWhole(database: Database, run: ChildRun): Promise<void> {
  expect(run.stderr).toBe('');
  expect(run.signal).toBe('SIGKILL');
  expect(run.reported.length).toBeGreaterThanOrEqual(KILL_AFTER);
  const lastReported = run.reported[run.reported.length - 1] as number;
  expect(run.reported).toEqual(run.reported.map((_, i) => 2 * (i + 1)));

  const repository = await createSqlChatMemoryRepository(database);
  const stored = await repository.load(CONVERSATION, { repair: false });
  const count = stored.length;
  expect(count).toBeGreaterThanOrEqual(lastReported);
  expect(count % 2).toBe(0);
  expect(stored.map((message) => message.ordinal)).toEqual(stored.map((_, i) => i + 1));
  stored.forEach((message, i) => {
    expect(message).toMatchObject({
      role: i % 2 === 0 ? 'user' : 'assistant',
      parts: [{ type: 'text', text: textOf(i + 1) }],
    });
    expect(message.parts).toHaveLength(1);
  });
  expect((await repository.list()).find((c) => c.id === CONVERSATION)?.messageCount).toBe(count);
}

describe('SIGKILL while appending: PGlite folder', () => {
  it('keeps every committed append and no partial one after a restart', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'memory-crash-'));
    try {
      const run = await appendUntilKilled(`file:${folder}`);
      const database = await createDatabase({ url: `file:${folder}` });
      try {
        await expectEveryReportedAppendWhole(database, run);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

describeWithPostgres('SIGKILL while appending: PostgreSQL', () => {
  it('keeps every committed append and no partial one', async () => {
    const database = await createTestDatabase({ kind: 'postgres' });
    try {
      // The server URL's credentials (the database's own url is password-masked), its new name.
      const url = new URL(postgresTestUrl() as string);
      url.pathname = new URL(database.url).pathname;
      const run = await appendUntilKilled(url.toString());
      await expectEveryReportedAppendWhole(database, run);
    } finally {
      await database.close();
    }
  }, 120_000);
});
