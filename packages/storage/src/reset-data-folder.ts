// Deletes an app's data folder for `npm run reset:data`, refusing anything that is not a `.data`
// folder (or inside one) and any folder a running process holds open.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isProcessAlive, LOCK_FILE_NAME, readLockPid } from './folder-lock.js';
import { DatabaseInUseError, StorageError } from './storage-errors.js';

/** Removes `folder` (e.g. `.data` or `.data/chat-memory-demo`); true when there was one. */
export async function resetDataFolder(folder: string): Promise<boolean> {
  const absolute = resolve(folder);
  const segments = absolute.split(sep).filter((segment) => segment !== '');
  if (!segments.some((segment) => segment.endsWith('.data') && segment !== '.data.')) {
    throw new StorageError(
      `Refusing to delete ${absolute}: only a folder named *.data, or a folder inside one, is reset`,
      { code: 'unsafe_data_folder' },
    );
  }
  if (!existsSync(absolute)) return false;
  for (const lockPath of findLockFiles(absolute)) {
    const pid = readLockPid(lockPath);
    if (pid !== undefined && isProcessAlive(pid))
      throw new DatabaseInUseError(dirname(lockPath), pid);
  }
  rmSync(absolute, { recursive: true, force: true });
  return true;
}

/**
 * An app's `npm run reset:data` in one call: removes `folder`, says what happened on stdout, or
 * the reason it refused on stderr with exit code 1.
 */
export async function runResetData(folder: string): Promise<void> {
  try {
    const removed = await resetDataFolder(folder);
    console.log(removed ? `Removed ${folder}` : `Nothing to remove: ${folder} does not exist`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

function findLockFiles(folder: string): string[] {
  const entries = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  return entries
    .filter((entry) => basename(entry) === LOCK_FILE_NAME)
    .map((entry) => join(folder, entry));
}
