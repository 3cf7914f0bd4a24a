// Source names of uploaded files: the client's relative path when it sends one (a `path` field
// per file, in the order of the files, or a relative path as the file name, e.g. a browser's
// `webkitRelativePath`), else `upload/<short hash of the bytes>/<file name>`. So three README.md
// from different folders are three sources, the same bytes under the same name are the same
// source (a second upload is `unchanged`), and an upload replaces a folder-ingested source only
// when it names the very same path. A path is checked, not repaired: `..`, an absolute path or a
// NUL is a 400 naming the field.
import { createHash } from 'node:crypto';
import { InvalidInputError, type InvalidInputDetail } from '@repo/core';
import { UPLOAD_FIELD } from './upload-limits.js';

export const PATH_FIELD = 'path';
const MAX_PATH_LENGTH = 1000;

export interface NamedUpload {
  originalname: string;
  buffer: Buffer;
}

/** One source name per file, in order; a 400 for a bad or repeated path. */
export function uploadSourceNames(
  files: readonly NamedUpload[],
  pathField: unknown,
): { names: string[]; filenames: string[] } {
  const given = pathsOf(pathField);
  if (given !== undefined && given.length !== files.length)
    throw bad(
      PATH_FIELD,
      `send one "${PATH_FIELD}" per file, in the order of the files (${files.length} file(s), ${given.length} path(s))`,
    );
  const filenames = files.map((file) => decodeName(file.originalname));
  const names = files.map((file, i) => {
    if (given !== undefined) return checkedPath(given[i]!, `${PATH_FIELD}[${i}]`);
    const name = filenames[i]!;
    if (/[\\/]/.test(name)) return checkedPath(name, `${UPLOAD_FIELD}[${i}].filename`);
    const hash = createHash('sha256').update(file.buffer).digest('hex').slice(0, 12);
    return `upload/${hash}/${checkedPath(name, `${UPLOAD_FIELD}[${i}].filename`)}`;
  });
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (seen.has(name))
      throw bad(given ? `${PATH_FIELD}[${i}]` : UPLOAD_FIELD, `"${name}" is given twice`);
    seen.add(name);
  }
  return { names, filenames };
}

function pathsOf(field: unknown): string[] | undefined {
  if (field === undefined) return undefined;
  const list = Array.isArray(field) ? field : [field];
  if (!list.every((item): item is string => typeof item === 'string'))
    throw bad(PATH_FIELD, 'must be text fields, one per file');
  return list;
}

/** `docs\a\.\README.md` → `docs/a/README.md`; `..`, absolute paths and NUL are refused. */
function checkedPath(raw: string, field: string): string {
  if (raw.includes('\u0000')) throw bad(field, 'must not contain a NUL character');
  const slashed = raw.replace(/\\/g, '/').trim();
  if (slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed))
    throw bad(field, `must be a relative path, not "${slashed}"`);
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw bad(field, `must not contain ".." ("${slashed}")`);
  const normalised = parts.join('/');
  if (normalised === '') throw bad(field, 'must name a file');
  if (normalised.length > MAX_PATH_LENGTH)
    throw bad(field, `must be at most ${MAX_PATH_LENGTH} characters`);
  return normalised;
}

// Browsers send the name as UTF-8 bytes, which multer decodes as latin1 (文档.md arrives as
// mojibake); a name that is not valid UTF-8 either way stays as it came.
function decodeName(name: string): string {
  const bytes = Buffer.from(name, 'latin1');
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : name;
}

function bad(field: string, reason: string): InvalidInputError {
  const detail: InvalidInputDetail = { field, reason };
  return new InvalidInputError(`Invalid upload: ${field} ${reason}.`, [detail]);
}
