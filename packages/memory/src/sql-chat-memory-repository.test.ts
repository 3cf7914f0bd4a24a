import { createTestDatabase } from '@repo/storage/testing';
import type { TestDatabase } from '@repo/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendConcurrently,
  describeRepositoryContract,
} from './__fixtures__/repository-contract.js';
import { describeWithPostgres } from './__fixtures__/test-services.js';
import { user } from './__fixtures__/sample-messages.js';
import { createSqlChatMemoryRepository } from './sql-chat-memory-repository.js';

function sqlSuite(kind: 'pglite' | 'postgres'): void {
  let database: TestDatabase | undefined;
  const open = async () => (database ??= await createTestDatabase({ kind }));
  afterAll(() => database?.close());

  describeRepositoryContract(`SQL on ${kind}`, {
    create: async (options) => createSqlChatMemoryRepository(await open(), options),
  });

  describe(`SQL on ${kind}: concurrency and migrations`, () => {
    beforeAll(open);

    it('keeps 100 concurrent appends whole and in each writer’s order', async () => {
      await appendConcurrently(await createSqlChatMemoryRepository(await open()));
    });

    it('migrates idempotently and keeps data when a second repository opens', async () => {
      const db = await open();
      const first = await createSqlChatMemoryRepository(db);
      await first.append('kept', [user('still here')]);
      const second = await createSqlChatMemoryRepository(db);
      expect((await second.load('kept')).map((m) => m.ordinal)).toEqual([1]);
    });
  });
}

describe('SQL repository on PGlite', () => sqlSuite('pglite'));
describeWithPostgres('SQL repository on PostgreSQL', () => sqlSuite('postgres'));
