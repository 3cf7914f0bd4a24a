// The open-and-prove half of the confinement (confine-path.ts checks the path first). Between that
// check and the open, someone who can write inside the root may swap the file for a symbolic link,
// or a folder on its path for a link to another folder (a TOCTOU race). So the file is opened
// without following a final link (O_NOFOLLOW) and without blocking on a FIFO (O_NONBLOCK), and the
// opened descriptor itself must prove it is a regular file inside the root:
//   1. its device and inode equal those of the path re-resolved after the open (fs.realpath,
//      checked to be inside the root again): a folder swapped for a link to another folder opens
//      some other inode, which no longer matches once the swap is undone, and vice versa;
//   2. where the kernel names descriptors (/proc/self/fd on Linux), that name is inside the root,
//      which also closes the window between step 1's realpath and its stat.
// Anything that does not prove out is refused as `changed`, never read. At most `maxBytes` + 1
// bytes are read, whatever fstat said, since the file may grow while it is read.
import { constants as fsConstants } from 'node:fs';
import { open, readlink, realpath, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { ConfinedPath } from './confine-path.js';
import { isInside } from './is-inside.js';
import { FileAccessError } from './tools-errors.js';

const OPEN_FLAGS =
  fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);

export interface VerifyContext {
  realRoot: string;
  /** The confinement's checks on a re-resolved real path (throws a FileAccessError). */
  recheck: (real: string) => Promise<unknown>;
}

export async function readVerifiedFile(
  requested: string,
  confined: ConfinedPath,
  maxBytes: number,
  context: VerifyContext,
): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(confined.real, OPEN_FLAGS);
  } catch (error) {
    throw fromErrno(requested, error);
  }
  try {
    const opened = await handle.stat();
    if (opened.isDirectory())
      throw new FileAccessError(requested, 'directory', `"${requested}" is a folder, not a file`);
    if (!opened.isFile())
      throw new FileAccessError(requested, 'not_a_file', `"${requested}" is not a regular file`);
    await proveInsideRoot(requested, confined, handle, opened, context);
    if (opened.size > maxBytes) throw tooLarge(requested, opened.size, maxBytes);
    return await readAtMost(requested, handle, maxBytes);
  } catch (error) {
    throw error instanceof FileAccessError ? error : fromErrno(requested, error);
  } finally {
    await handle.close();
  }
}

async function proveInsideRoot(
  requested: string,
  confined: ConfinedPath,
  handle: FileHandle,
  opened: Stats,
  context: VerifyContext,
): Promise<void> {
  let now: Stats;
  try {
    const real = await realpath(confined.lexical);
    await context.recheck(real);
    now = await stat(real);
  } catch (error) {
    // Gone, or now leading outside or to a hidden name: it was fine when checked, so it changed.
    throw changed(requested, error);
  }
  if (now.dev !== opened.dev || now.ino !== opened.ino) throw changed(requested);
  const kernelName = await descriptorPath(handle);
  if (kernelName !== undefined && !isInside(context.realRoot, kernelName)) throw changed(requested);
}

/** The kernel's name for the descriptor (Linux); undefined where there is none to ask. */
async function descriptorPath(handle: FileHandle): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  try {
    return await readlink(`/proc/self/fd/${handle.fd}`);
  } catch {
    return undefined; // /proc not mounted (some containers): step 1 still holds
  }
}

/** Reads up to `maxBytes` + 1 bytes: one byte over tells "grew past the limit" from "at it". */
async function readAtMost(
  requested: string,
  handle: FileHandle,
  maxBytes: number,
): Promise<Uint8Array> {
  const buffer = Buffer.alloc(maxBytes + 1);
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled > maxBytes) throw tooLarge(requested, filled, maxBytes);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
}

function changed(requested: string, cause?: unknown): FileAccessError {
  return new FileAccessError(
    requested,
    'changed',
    `"${requested}" changed while it was being opened (a symbolic link or another file was swapped in); it was not read`,
    { cause },
  );
}

export function tooLarge(requested: string, bytes: number, maxBytes: number): FileAccessError {
  const kib = maxBytes >= 1024 && maxBytes % 1024 === 0 ? ` (${maxBytes / 1024} KiB)` : '';
  return new FileAccessError(
    requested,
    'too_large',
    `"${requested}" is ${bytes} bytes; the limit is ${maxBytes} bytes${kib}`,
  );
}

/** Node's fs messages carry the absolute path; the caller gets the path it asked for instead. */
function fromErrno(requested: string, error: unknown): FileAccessError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  // ELOOP: O_NOFOLLOW met a link where the check had seen a file.
  if (code === 'ELOOP') return changed(requested, error);
  if (code === 'ENOENT')
    return new FileAccessError(
      requested,
      'not_found',
      `No file or folder "${requested}" in the root folder`,
      { cause: error },
    );
  return new FileAccessError(requested, 'unreadable', `"${requested}" cannot be read (${code})`, {
    cause: error,
  });
}
