// Keeps the file tools inside one root folder. The seed's FileReaderTools read any path the model
// named (and fell back to the classpath); a model's argument is untrusted input, so every path is
// checked twice: lexically (no absolute paths, no `..` out of the root) and after resolving
// symbolic links on both sides (fs.realpath), since a link inside the root can point anywhere.
// Messages quote the path as the model gave it and never the root's absolute location.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
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
}

/** Resolves the root once (it may itself be a link, e.g. macOS's /tmp) and checks paths against it. */
export function createPathConfinement(options: ConfinementOptions) {
  let realRoot: Promise<string> | undefined;
  const root = path.resolve(options.root);
  const rootReal = () =>
    (realRoot ??= realpath(root).catch((error: unknown) => {
      realRoot = undefined;
      throw new FileAccessError('.', 'not_found', 'The root folder of the file tools is missing', {
        cause: error,
      });
    }));

  return async function confine(requested: string): Promise<ConfinedPath> {
    if (requested.trim() === '' || requested.includes('\0'))
      throw new FileAccessError(requested, 'invalid_path', 'The path is empty or not valid text');
    if (
      path.isAbsolute(requested) ||
      path.win32.isAbsolute(requested) ||
      /^[a-z]:/i.test(requested)
    )
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
    rejectHidden(requested, path.relative(root, lexical), options.allowHidden);

    const base = await rootReal();
    let real: string;
    try {
      real = await realpath(lexical);
    } catch (error) {
      throw new FileAccessError(
        requested,
        'not_found',
        `No file or folder "${requested}" in the root folder`,
        {
          cause: error,
        },
      );
    }
    if (!isInside(base, real))
      throw new FileAccessError(
        requested,
        'symlink_outside_root',
        `"${requested}" is a symbolic link (or inside one) that leads outside the root folder`,
      );
    const relative = path.relative(base, real);
    // A link inside the root may point at a hidden file (notes.txt -> .env).
    rejectHidden(requested, relative, options.allowHidden);
    return { relative: relative === '' ? '.' : relative.split(path.sep).join('/'), real };
  };
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

function rejectHidden(requested: string, relative: string, allowHidden = false): void {
  if (allowHidden) return;
  if (relative.split(path.sep).some((segment) => segment.startsWith('.') && segment !== '.'))
    throw new FileAccessError(
      requested,
      'hidden',
      `"${requested}" is a hidden file or folder (its name starts with "."); those are not shared`,
    );
}
