// Where the Redis and PostgreSQL suites find their servers (docs/conventions.md rule 14): run when
// TEST_REDIS_URL / TEST_POSTGRES_URL is set, skip with the reason locally, fail when CI=true.
import { randomUUID } from 'node:crypto';
import { postgresTestUrl } from '@repo/storage/testing';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';

type Suite = () => void;

function gated(variable: string, present: boolean, name: string, suite: Suite): void {
  if (present) describe(name, suite);
  else if (process.env['CI'] === 'true')
    describe(name, () => {
      it(`needs ${variable} (CI=true)`, () => {
        throw new Error(`${variable} is not set but CI=true: ${name} must run in CI`);
      });
    });
  else {
    console.warn(`[@repo/memory] ${name}: skipped, ${variable} is not set`);
    describe.skip(`${name} (skipped: ${variable} is not set)`, suite);
  }
}

export function redisTestUrl(): string | undefined {
  const url = process.env['TEST_REDIS_URL']?.trim();
  return url ? url : undefined;
}

export function describeWithRedis(name: string, suite: Suite): void {
  gated('TEST_REDIS_URL', redisTestUrl() !== undefined, name, suite);
}

export function describeWithPostgres(name: string, suite: Suite): void {
  let present: boolean;
  try {
    present = postgresTestUrl() !== undefined;
  } catch {
    // CI=true without the variable: `gated` turns this into a failing test.
    present = false;
  }
  gated('TEST_POSTGRES_URL', present, name, suite);
}

/** A key prefix of its own per suite (turbo runs workspaces' tests in parallel on one server). */
export function redisTestPrefix(): string {
  return `test:memory:${randomUUID()}:`;
}

/** Deletes every key under a prefix. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
