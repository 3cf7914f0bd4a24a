// Per-package migrations tables: drizzle's migrator only compares against the newest row of its
// table, so packages sharing one table would skip each other's older migrations.
import { InvalidInputError } from '@repo/core';

const PREFIX = '__drizzle_migrations_';
const MAX_IDENTIFIER = 63;

/** `@repo/memory` and `memory` both give `__drizzle_migrations_memory`. */
export function migrationsTableName(packageName: string): string {
  const bare = packageName.replace(/^@[^/]+\//, '').toLowerCase();
  const safe = bare.replace(/[^a-z0-9_]/g, '_');
  if (safe === '' || PREFIX.length + safe.length > MAX_IDENTIFIER) {
    throw new InvalidInputError(`Invalid packageName "${packageName}" for migrations`, [
      {
        field: 'packageName',
        reason: `must be 1 to ${MAX_IDENTIFIER - PREFIX.length} characters`,
      },
    ]);
  }
  return PREFIX + safe;
}

/**
 * Serializes async work inside one process (two `migrate` calls on one PGlite would both see the
 * same "last applied" row and apply the same migration twice).
 */
export function createMutex(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
