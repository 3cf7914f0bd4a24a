// Where the PostgreSQL and Redis suites find their servers (docs/conventions.md rule 14): run when
// TEST_POSTGRES_URL / TEST_REDIS_URL is set, skip with the reason locally, fail when CI=true.
// Each suite gets its own database or key prefix (turbo runs workspaces' tests in parallel).
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@repo/storage/testing';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';

type Suite = () => void;

function serviceUrl(variable: string): string | undefined {
  const url = process.env[variable]?.trim();
  return url ? url : undefined;
}

export function describeWithService(variable: string, name: string, suite: Suite): void {
  if (serviceUrl(variable) !== undefined) describe(name, suite);
  else if (process.env['CI'] === 'true')
    describe(name, () => {
      it(`needs ${variable} (CI=true)`, () => {
        throw new Error(`${variable} is not set but CI=true: ${name} must run in CI`);
      });
    });
  else {
    console.warn(`[@repo/chat-memory-demo] ${name}: skipped, ${variable} is not set`);
    describe.skip(`${name} (skipped: ${variable} is not set)`, suite);
  }
}

/** A fresh PostgreSQL database and its URL (the server URL's credentials, the new name). */
export async function createPostgresDatabase(): Promise<{ database: TestDatabase; url: string }> {
  const database = await createTestDatabase({ kind: 'postgres' });
  const url = new URL(serviceUrl('TEST_POSTGRES_URL') as string);
  url.pathname = new URL(database.url).pathname;
  return { database, url: url.toString() };
}

export function redisTestUrl(): string {
  return serviceUrl('TEST_REDIS_URL') as string;
}

export function redisTestPrefix(): string {
  return `test:chat-memory-demo:${randomUUID()}:`;
}

export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisTestUrl());
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
