// DATABASE_URL forms, bad URLs (InvalidDatabaseUrlError naming the variable) and password masking.
import { resolve } from 'node:path';
import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './create-database.js';
import { maskDatabaseUrl, parseDatabaseUrl } from './database-url.js';
import { InvalidDatabaseUrlError, StorageError } from './storage-errors.js';

describe('parseDatabaseUrl', () => {
  it('reads the three forms', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'memory', url: 'memory://' });
    expect(parseDatabaseUrl('memory://')).toEqual({ kind: 'memory', url: 'memory://' });
    const folder = resolve('.data/app');
    expect(parseDatabaseUrl('file:.data/app')).toEqual({
      kind: 'file',
      url: `file:${folder}`,
      folder,
    });
    expect(parseDatabaseUrl('file:///tmp/x')).toEqual({
      kind: 'file',
      url: 'file:/tmp/x',
      folder: '/tmp/x',
    });
    expect(parseDatabaseUrl('postgresql://app:s3cret@db:5432/ai')).toEqual({
      kind: 'postgres',
      url: 'postgresql://app:***@db:5432/ai',
      connectionString: 'postgresql://app:s3cret@db:5432/ai',
    });
  });

  it.each([
    ['', 'it is empty'],
    ['mysql://root:hunter2@db/x', 'unsupported form "mysql://root:***@db/x"'],
    ['file:', 'file: needs a folder'],
    ['postgres://u:hunter2@', '"postgres://u:***@" is not a valid URL'],
    ['./data', 'unsupported form "./data"'],
  ])('rejects %j naming DATABASE_URL and never the password', (url, reason) => {
    let caught: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidDatabaseUrlError);
    expect(caught).toBeInstanceOf(InvalidInputError);
    const error = caught as InvalidDatabaseUrlError;
    expect(error.field).toBe('DATABASE_URL');
    expect(error.details[0]?.field).toBe('DATABASE_URL');
    expect(error.message).toContain(`Invalid DATABASE_URL: ${reason}`);
    expect(error.message).not.toContain('hunter2');
  });
});

describe('maskDatabaseUrl', () => {
  it('hides the password and leaves the rest', () => {
    expect(maskDatabaseUrl('postgres://postgres:pa:ss@127.0.0.1:5499/db?ssl=true')).toBe(
      'postgres://postgres:***@127.0.0.1:5499/db?ssl=true',
    );
    expect(maskDatabaseUrl('postgres://postgres@127.0.0.1/db')).toBe(
      'postgres://postgres@127.0.0.1/db',
    );
  });
});

describe('createDatabase with a bad target', () => {
  it('rejects a bad URL before opening anything', async () => {
    await expect(createDatabase({ url: 'sqlite://x.db' })).rejects.toBeInstanceOf(
      InvalidDatabaseUrlError,
    );
  });

  it('reports an unreachable server with the password masked', async () => {
    const failure = createDatabase({ url: 'postgres://app:hunter2@127.0.0.1:1/x' });
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toThrow(
      /^Cannot connect to PostgreSQL at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/x: /,
    );
    await expect(failure).rejects.not.toThrow('hunter2');
  });
});
