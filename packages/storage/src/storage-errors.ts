// The storage package's narrow errors, on core's hierarchy (docs/conventions.md rule 11). Each carries the
// data an app needs to act on it; none ever contains a database password.
import { AiError, InvalidInputError } from '@repo/core';
import type { AiErrorOptions } from '@repo/core';

/** Anything the database layer could not do: connect, migrate, lock. */
export class StorageError extends AiError {
  constructor(message: string, options: AiErrorOptions = {}) {
    super(message, { code: 'storage_error', ...options });
  }
}

/** A PGlite folder is already open in another process (or earlier in this one). */
export class DatabaseInUseError extends StorageError {
  readonly folder: string;
  readonly pid: number;

  constructor(folder: string, pid: number) {
    const who = pid === process.pid ? `pid ${pid} (this process)` : `pid ${pid}`;
    super(
      `The database folder ${folder} is in use by ${who}. A PGlite folder can be opened by one ` +
        'process at a time: stop that process, or use another folder or a postgres:// DATABASE_URL.',
      { code: 'database_in_use', kind: 'unavailable' },
    );
    this.folder = folder;
    this.pid = pid;
  }
}

/** A vector feature was used on a PostgreSQL server that has no pgvector. */
export class VectorUnavailableError extends StorageError {
  readonly url: string;

  constructor(url: string, options: AiErrorOptions = {}) {
    super(
      `The PostgreSQL server at ${url} has no pgvector extension. Install pgvector on the server ` +
        '(https://github.com/pgvector/pgvector; e.g. the postgresql-NN-pgvector package from ' +
        'apt.postgresql.org), or leave DATABASE_URL unset to use the embedded database (PGlite), ' +
        'which bundles pgvector.',
      { code: 'vector_unavailable', kind: 'unavailable', ...options },
    );
    this.url = url;
  }
}

/** DATABASE_URL (or the `url` option) is not one of the supported forms. */
export class InvalidDatabaseUrlError extends InvalidInputError {
  readonly field = 'DATABASE_URL';

  constructor(reason: string) {
    super(`Invalid DATABASE_URL: ${reason}`, [{ field: 'DATABASE_URL', reason }], {
      code: 'invalid_database_url',
    });
  }
}
