// Parses DATABASE_URL into one of the three supported targets, and masks passwords for display.
import { resolve } from 'node:path';
import { InvalidDatabaseUrlError } from './storage-errors.js';

export type DatabaseTarget =
  | { kind: 'memory'; url: string }
  | { kind: 'file'; url: string; folder: string }
  | { kind: 'postgres'; url: string; connectionString: string };

const FORMS = 'use memory://, file:<folder> or postgres://user:password@host:port/database';

/** Replaces the password in any `scheme://user:password@host` URL with `***`. */
export function maskDatabaseUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (url === undefined) return { kind: 'memory', url: 'memory://' };
  const trimmed = url.trim();
  if (trimmed === '') throw new InvalidDatabaseUrlError(`it is empty; ${FORMS}`);
  if (trimmed === 'memory://' || trimmed === 'memory:') return { kind: 'memory', url: 'memory://' };
  if (trimmed.startsWith('file:')) {
    // file:.data/app (relative to the working directory), file:/abs/path and file:///abs/path.
    let path = trimmed.slice('file:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') throw new InvalidDatabaseUrlError(`file: needs a folder, e.g. file:.data/app`);
    const folder = resolve(path);
    return { kind: 'file', url: `file:${folder}`, folder };
  }
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new InvalidDatabaseUrlError(
        `"${maskDatabaseUrl(trimmed)}" is not a valid URL; ${FORMS}`,
      );
    }
    if (parsed.hostname === '') {
      throw new InvalidDatabaseUrlError(`"${maskDatabaseUrl(trimmed)}" has no host; ${FORMS}`);
    }
    return { kind: 'postgres', url: maskDatabaseUrl(trimmed), connectionString: trimmed };
  }
  throw new InvalidDatabaseUrlError(`unsupported form "${maskDatabaseUrl(trimmed)}"; ${FORMS}`);
}
