// The confinement's refusals (@repo/tools' FileAccessError, shared with the file tools) in this
// app's words and error kinds: a path outside RAG_INGEST_ROOT is a 400 naming `path`, a missing one a
// 404, a file over RAG_MAX_UPLOAD_BYTES a 413, a file swapped for a link while it was opened a
// 409. Inside a folder the same refusals are skip reasons. Never the root's location.
import { InvalidInputError, type ErrorKind } from '@repo/core';
import type { FileAccessError } from '@repo/tools';

/** What went wrong with `requested`, as a reason (a folder's skip, a 4xx's detail). */
export function describeRefusal(error: FileAccessError, maxBytes: number): string {
  const requested = error.path;
  switch (error.reason) {
    case 'absolute_path':
      return `"${requested}" is absolute; give a path relative to the ingest root`;
    case 'outside_root':
      return `"${requested}" leaves the ingest root`;
    case 'symlink_outside_root':
      return `"${requested}" is a symbolic link (or inside one) leading outside the ingest root`;
    case 'hidden':
      return `"${requested}" is a hidden file or folder`;
    case 'invalid_path':
      return 'the path is not valid text';
    case 'not_found':
      return 'does not exist in the ingest root';
    case 'too_large':
      return `must be at most ${maxBytes} bytes (RAG_MAX_UPLOAD_BYTES)`;
    case 'changed':
      return 'changed while it was being opened (a symbolic link or another file was swapped in); it was not read';
    case 'directory':
    case 'not_a_file':
    case 'not_a_directory':
      return `"${requested}" is not a regular file`;
    default:
      return `"${requested}" cannot be read`;
  }
}

/** The refusal of a path given by the client, as an error of the kind that fits it. */
export function toIngestPathError(error: FileAccessError, maxBytes: number): Error {
  const reason = describeRefusal(error, maxBytes);
  const details = [{ field: 'path', reason }];
  const refuse = (kind: ErrorKind, message: string) =>
    new InvalidInputError(message, details, { kind, code: 'ingest_path_refused', cause: error });
  switch (error.reason) {
    case 'not_found':
      return refuse('not_found', `No file or folder "${error.path}" in the ingest root.`);
    case 'too_large':
      return refuse('too_large', `"${error.path}" is larger than ${maxBytes} bytes.`);
    case 'changed':
      return refuse('conflict', `"${error.path}" ${reason}.`);
    case 'unreadable':
      return refuse('unprocessable', `${reason}.`);
    default:
      return refuse('invalid_input', `Cannot ingest this path: ${reason}`);
  }
}
