// Runs a store suite on PGlite in memory, and on PostgreSQL when TEST_POSTGRES_URL is set, each
// engine with a database of its own; tests share it and keep apart by unique ids.
import { AiError } from '@repo/core';
import { createTestDatabase } from '@repo/storage/testing';
import type { TestDatabase } from '@repo/storage/testing';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createFeedbackStore } from '../create-feedback-store.js';
import type { FeedbackStore } from '../feedback-store.js';
import { describeWithPostgres, target, uniquePrefix } from './feedback-fixtures.js';

export interface StoreSuite {
  readonly store: FeedbackStore;
  readonly database: TestDatabase;
  /** The id prefix of the latest `answers()`. */
  readonly p: string;
  /** Three answers to one prompt, ids unique to the test. */
  answers(): Promise<[string, string, string]>;
}

export function describeOnBothEngines(name: string, suite: (t: StoreSuite) => void): void {
  describe(`${name} on PGlite`, () => suite(useStore('pglite')));
  describeWithPostgres(`${name} on PostgreSQL`, () => suite(useStore('postgres')));
}

function useStore(kind: 'pglite' | 'postgres'): StoreSuite {
  let database: TestDatabase | undefined;
  let store: FeedbackStore | undefined;
  let p = '';
  beforeAll(async () => {
    database = await createTestDatabase({ kind });
    store = await createFeedbackStore(database);
  });
  afterAll(() => database?.close());
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite’s database is not open yet');
    return value;
  };
  return {
    get store() {
      return opened(store);
    },
    get database() {
      return opened(database);
    },
    get p() {
      return p;
    },
    async answers() {
      p = uniquePrefix();
      const ids: [string, string, string] = [`${p}-a`, `${p}-b`, `${p}-c`];
      for (const [i, id] of ids.entries())
        await opened(store).recordTarget(
          target(id, `回答${i}：大语言模型是根据上文预测下一个词的神经网络。`),
        );
      return ids;
    },
  };
}

/** The AiError a promise rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<AiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AiError);
  return error as AiError;
}
