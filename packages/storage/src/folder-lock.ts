// A lock file for a PGlite data folder. PGlite itself takes no lock, and two processes on one
// folder corrupt it, so the first process writes its pid to `storage.lock`; others fail with
// DatabaseInUseError. A lock left by a dead process (SIGKILL, crash) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseInUseError, StorageError } from './storage-errors.js';

export const LOCK_FILE_NAME = 'storage.lock';

const held = new Set<string>();
let exitHookInstalled = false;

export interface FolderLock {
  readonly path: string;
  release(): void;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid recorded in a lock file, or undefined when the file is missing or unreadable. */
export function readLockPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function lockFolder(folder: string): FolderLock {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, LOCK_FILE_NAME);
  // Two rounds: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return holdLock(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StorageError(`Cannot create the lock file ${path}`, { cause: error });
      }
    }
    const pid = readLockPid(path);
    if (pid !== undefined && (held.has(path) || isProcessAlive(pid))) {
      throw new DatabaseInUseError(folder, pid);
    }
    removeStaleLock(path, pid);
  }
  throw new StorageError(`Another process took the lock file ${path} while it was being freed`);
}

function removeStaleLock(path: string, stalePid: number | undefined): void {
  // Re-read just before removing, so a lock another process has just taken is left alone.
  if (readLockPid(path) !== stalePid) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function holdLock(path: string): FolderLock {
  held.add(path);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const lockPath of held) unlinkQuietly(lockPath);
    });
  }
  return {
    path,
    release() {
      if (!held.delete(path)) return;
      if (readLockPid(path) === process.pid) unlinkQuietly(path);
    },
  };
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}
