// The PGlite folder lock: a second process is refused with its pid, a dead owner's lock is taken
// over, and resetDataFolder only deletes `.data` folders nobody holds.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, openDatabaseWith } from './create-database.js';
import { LOCK_FILE_NAME } from './folder-lock.js';
import { resetDataFolder, runResetData } from './reset-data-folder.js';
import { DatabaseInUseError, StorageError } from './storage-errors.js';
import { killed, runToExit, startNode, waitForLine } from './__fixtures__/child-process.js';
import { DIST_INDEX, HOLD_DATABASE_SCRIPT } from './__fixtures__/fixture-paths.js';

const scratch = mkdtempSync(join(tmpdir(), 'storage-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Child processes each start PGlite from scratch (~5 s on a busy 2-core machine).
describe('PGlite folder lock', { timeout: 90_000 }, () => {
  it('refuses a second process with "in use by pid N", and frees the folder on close', async () => {
    const url = `file:${join(scratch, 'shared')}`;
    const database = await createDatabase({ url });
    const lockPath = join(scratch, 'shared', LOCK_FILE_NAME);
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));

    const output = await runToExit(startNode(HOLD_DATABASE_SCRIPT, [DIST_INDEX, url]));
    expect(output).toBe(
      `DatabaseInUseError: The database folder ${join(scratch, 'shared')} is in use by pid ${process.pid}. ` +
        'A PGlite folder can be opened by one process at a time: stop that process, or use another ' +
        'folder or a postgres:// DATABASE_URL.\n',
    );
    await database.close();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('openDatabaseWith closes the folder again when its setup throws', async () => {
    const url = `file:${join(scratch, 'failed-setup')}`;
    const failing = openDatabaseWith({ url }, () => Promise.reject(new Error('migration failed')));
    await expect(failing).rejects.toThrow('migration failed');
    expect(existsSync(join(scratch, 'failed-setup', LOCK_FILE_NAME))).toBe(false);
    const kind = await openDatabaseWith({ url }, async (database) => {
      const value = database.kind;
      await database.close();
      return value;
    });
    expect(kind).toBe('pglite');
  });

  it('refuses this process too while the folder is open, naming it', async () => {
    const url = `file:${join(scratch, 'twice')}`;
    const database = await createDatabase({ url });
    const second = createDatabase({ url });
    await expect(second).rejects.toBeInstanceOf(DatabaseInUseError);
    await expect(second).rejects.toMatchObject({ pid: process.pid, code: 'database_in_use' });
    await database.close();
  });

  it('is refused here while another process holds the folder', async () => {
    const url = `file:${join(scratch, 'held')}`;
    const child = startNode(HOLD_DATABASE_SCRIPT, [DIST_INDEX, url]);
    const ready = await waitForLine(child, /ready \d+\n/);
    expect(ready).toBe(`ready ${child.pid}\n`);
    await expect(createDatabase({ url })).rejects.toThrow(`is in use by pid ${child.pid}.`);
    child.stdin.end();
    await new Promise((done) => child.once('exit', done));
    const database = await createDatabase({ url });
    expect(database.kind).toBe('pglite');
    await database.close();
  });

  it('takes over a stale lock whose process is gone (SIGKILL)', async () => {
    const folder = join(scratch, 'stale');
    const child = startNode(HOLD_DATABASE_SCRIPT, [DIST_INDEX, `file:${folder}`]);
    await waitForLine(child, /ready/);
    await killed(child, 'SIGKILL');
    expect(readFileSync(join(folder, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(child.pid));

    const database = await createDatabase({ url: `file:${folder}` });
    expect(readFileSync(join(folder, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
    await database.close();
  });
});

describe('resetDataFolder', () => {
  it('refuses a folder that is not a .data folder or inside one', async () => {
    const folder = join(scratch, 'important');
    mkdirSync(folder);
    await expect(resetDataFolder(folder)).rejects.toThrow(
      `Refusing to delete ${folder}: only a folder named *.data, or a folder inside one, is reset`,
    );
    await expect(resetDataFolder(folder)).rejects.toBeInstanceOf(StorageError);
    expect(existsSync(folder)).toBe(true);
  });

  it('deletes a .data folder and a folder inside one, and reports a missing one', async () => {
    const data = join(scratch, 'app', '.data');
    mkdirSync(join(data, 'demo'), { recursive: true });
    writeFileSync(join(data, 'demo', 'x'), 'x');
    expect(await resetDataFolder(join(data, 'demo'))).toBe(true);
    expect(existsSync(join(data, 'demo'))).toBe(false);
    expect(await resetDataFolder(data)).toBe(true);
    expect(await resetDataFolder(data)).toBe(false);
  });

  it('runResetData says what it removed, or why not with exit code 1', async () => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line) => void out.push(String(line)));
    const err = vi
      .spyOn(console, 'error')
      .mockImplementation((line) => void out.push(String(line)));
    try {
      const data = join(scratch, 'reset', '.data');
      mkdirSync(data, { recursive: true });
      await runResetData(data);
      await runResetData(data);
      expect(process.exitCode).toBeUndefined();
      await runResetData(join(scratch, '数据'));
      expect(process.exitCode).toBe(1);
      expect(out).toEqual([
        `Removed ${data}`,
        `Nothing to remove: ${data} does not exist`,
        `Refusing to delete ${join(scratch, '数据')}: only a folder named *.data, or a folder inside one, is reset`,
      ]);
    } finally {
      process.exitCode = undefined;
      log.mockRestore();
      err.mockRestore();
    }
  });

  it('refuses a data folder a live process has open', async () => {
    const folder = join(scratch, 'busy.data', 'demo');
    const database = await createDatabase({ url: `file:${folder}` });
    await expect(resetDataFolder(join(scratch, 'busy.data'))).rejects.toMatchObject({
      name: 'DatabaseInUseError',
      pid: process.pid,
    });
    await database.close();
    expect(await resetDataFolder(join(scratch, 'busy.data'))).toBe(true);
  });
});
