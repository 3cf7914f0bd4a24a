// Keeps POST /api/rag/ingest inside RAG_INGEST_ROOT, with the checks of @repo/tools' file tools:
// lexical (no absolute path, no `..` out of the root, no hidden names) and then real (symbolic
// links resolved on both sides, since a link inside the root can point anywhere). Replicated, not
// imported: @repo/tools exports the file tools but not its confinement helper, and this app does
// not depend on @repo/tools. Messages quote the path as given, never the root's location.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundException } from '@nestjs/common';
import { InvalidInputError } from '@repo/core';

export interface ConfinedPath {
  /** Relative to the root with `/` separators (`.` for the root): the documents' `source`. */
  relative: string;
  real: string;
}

const refuse = (reason: string) =>
  new InvalidInputError(`Cannot ingest this path: ${reason}`, [{ field: 'path', reason }]);

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

export async function confineIngestPath(root: string, requested: string): Promise<ConfinedPath> {
  if (requested.includes('\0')) throw refuse('the path is not valid text');
  if (path.isAbsolute(requested) || path.win32.isAbsolute(requested) || /^[a-z]:/i.test(requested))
    throw refuse(`"${requested}" is absolute; give a path relative to the ingest root`);
  const base = path.resolve(root);
  const lexical = path.resolve(base, requested);
  if (!isInside(base, lexical)) throw refuse(`"${requested}" leaves the ingest root`);
  // Dot-files and dot-folders (.env, .git) hold secrets, not documents.
  if (
    path
      .relative(base, lexical)
      .split(path.sep)
      .some((part) => part.startsWith('.'))
  )
    throw refuse(`"${requested}" is a hidden file or folder`);
  const realBase = await realpath(base);
  const real = await realpath(lexical).catch(() => {
    throw new NotFoundException({
      message: `No file or folder "${requested}" in the ingest root.`,
      details: [{ field: 'path', reason: 'does not exist in the ingest root' }],
    });
  });
  if (!isInside(realBase, real))
    throw refuse(
      `"${requested}" is a symbolic link (or inside one) leading outside the ingest root`,
    );
  const relative = path.relative(realBase, real).split(path.sep).join('/');
  return { relative: relative === '' ? '.' : relative, real };
}
