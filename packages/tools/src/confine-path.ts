// Keeps file access inside one root folder: the file tools and rag-demo's ingest share it. The
// seed's FileReaderTools read any path the model named (and fell back to the classpath); a model's
// argument or a client's path is untrusted input, so every path is checked twice: lexically (no
// absolute paths, no `..` out of the root) and after resolving symbolic links on both sides
// (fs.realpath), since a link inside the root can point anywhere. Reading then goes through
// read-confined-file.ts, which proves that the descriptor it opened is still inside the root (a
// link swapped in after these checks). Messages quote the path as given, never the root's location.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './is-inside.js';
import { readVerifiedFile } from './read-confined-file.js';
import { FileAccessError } from './tools-errors.js';

export interface ConfinementOptions {
  root: string;
  /** Allow dot-files and dot-folders (`.env`, `.git`); default false, since they hold secrets. */
  allowHidden?: boolean;
}

export interface ConfinedPath {
  /** Relative to the root, with `/` separators; `.` for the root itself. */
  relative: string;
  /** The real absolute path, symbolic links resolved. */
  real: string;
  /** The absolute path before links were resolved (what a re-check resolves again). */
  lexical: string;
}

export interface ConfinedFile {
  /** Relative to the root, with `/` separators. */
  relative: string;
  /** The file's content; never more than `maxBytes`. */
  bytes: Uint8Array;
}

export interface ReadConfinedOptions {
  /** Largest file read, in bytes: a bigger one is refused (`too_large`), never read in part. */
  maxBytes: number;
}

export interface PathConfinement {
  /** Checks `requested` (relative to the root) and resolves it; the file may still change. */
  resolve(requested: string): Promise<ConfinedPath>;
  /**
   * Reads a regular file inside the root: opened without following a link (O_NOFOLLOW, and
   * O_NONBLOCK so a FIFO cannot block), then proven to be a file inside the root by its
   * descriptor, so a link or folder swapped in between the check and the open is refused
   * (`changed`) instead of followed.
   */
  readFile(requested: string, options: ReadConfinedOptions): Promise<ConfinedFile>;
  /** The root's real path (a link such as macOS's /tmp resolved), for listing its folders. */
  realRoot(): Promise<string>;
}

/** Resolves the root once (it may itself be a link, e.g. macOS's /tmp) and checks paths against it. */
export function createPathConfinement(options: ConfinementOptions): PathConfinement {
  let cachedRoot: Promise<string> | undefined;
  const root = path.resolve(options.root);
  const realRoot = () =>
    (cachedRoot ??= realpath(root).catch((error: unknown) => {
      cachedRoot = undefined;
      throw new FileAccessError('.', 'not_found', 'The root folder is missing', { cause: error });
    }));

  const resolve = async (requested: string): Promise<ConfinedPath> => {
    const lexical = checkLexically(root, requested, options.allowHidden);
    const base = await realRoot();
    let real: string;
    try {
      real = await realpath(lexical);
    } catch (error) {
      throw new FileAccessError(
        requested,
        'not_found',
        `No file or folder "${requested}" in the root folder`,
        { cause: error },
      );
    }
    const relative = relativeInside(base, real, requested, options.allowHidden);
    return { relative, real, lexical };
  };

  return {
    resolve,
    realRoot,
    async readFile(requested, readOptions) {
      const confined = await resolve(requested);
      const bytes = await readVerifiedFile(requested, confined, readOptions.maxBytes, {
        realRoot: await realRoot(),
        // The path re-resolved after the open must pass the same checks as the first time.
        recheck: async (real) =>
          relativeInside(await realRoot(), real, requested, options.allowHidden),
      });
      return { relative: confined.relative, bytes };
    },
  };
}

/** The lexical checks: valid text, relative, not leaving the root, not hidden. */
function checkLexically(root: string, requested: string, allowHidden = false): string {
  if (requested.trim() === '' || requested.includes('\0'))
    throw new FileAccessError(requested, 'invalid_path', 'The path is empty or not valid text');
  if (path.isAbsolute(requested) || path.win32.isAbsolute(requested) || /^[a-z]:/i.test(requested))
    throw new FileAccessError(
      requested,
      'absolute_path',
      `"${requested}" is an absolute path; give a path relative to the root folder, e.g. "notes/todo.md"`,
    );
  const lexical = path.resolve(root, requested);
  if (!isInside(root, lexical))
    throw new FileAccessError(
      requested,
      'outside_root',
      `"${requested}" leaves the root folder; only files inside it can be read`,
    );
  rejectHidden(requested, path.relative(root, lexical), allowHidden);
  return lexical;
}

/** `real` relative to the real root, or a refusal when a link led outside or to a hidden name. */
function relativeInside(
  base: string,
  real: string,
  requested: string,
  allowHidden = false,
): string {
  if (!isInside(base, real))
    throw new FileAccessError(
      requested,
      'symlink_outside_root',
      `"${requested}" is a symbolic link (or inside one) that leads outside the root folder`,
    );
  const relative = path.relative(base, real);
  // A link inside the root may point at a hidden file (notes.txt -> .env).
  rejectHidden(requested, relative, allowHidden);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

function rejectHidden(requested: string, relative: string, allowHidden: boolean): void {
  if (allowHidden) return;
  if (relative.split(path.sep).some((segment) => segment.startsWith('.') && segment !== '.'))
    throw new FileAccessError(
      requested,
      'hidden',
      `"${requested}" is a hidden file or folder (its name starts with "."); those are not shared`,
    );
}
