// The same API on every MEMORY_STORE: SQL on PGlite (memory://), process memory, SQL on
// PostgreSQL (a fresh database, TEST_POSTGRES_URL) and Redis (own key prefix, TEST_REDIS_URL).
import { describe } from 'vitest';
import { memoryApiScenario } from './memory-api-scenario.js';
import {
  createPostgresDatabase,
  deleteRedisKeys,
  describeWithService,
  redisTestPrefix,
  redisTestUrl,
} from './test-services.js';

describe('MEMORY_STORE=sql on PGlite', () => {
  memoryApiScenario(async () => ({ env: { MEMORY_STORE: 'sql', DATABASE_URL: 'memory://' } }));
});

describe('MEMORY_STORE=memory', () => {
  memoryApiScenario(async () => ({ env: { MEMORY_STORE: 'memory' } }));
});

describeWithService('TEST_POSTGRES_URL', 'MEMORY_STORE=sql on PostgreSQL', () => {
  memoryApiScenario(async () => {
    const { database, url } = await createPostgresDatabase();
    return { env: { MEMORY_STORE: 'sql', DATABASE_URL: url }, cleanup: () => database.close() };
  });
});

describeWithService('TEST_REDIS_URL', 'MEMORY_STORE=redis', () => {
  memoryApiScenario(async () => {
    const prefix = redisTestPrefix();
    return {
      env: { MEMORY_STORE: 'redis', REDIS_URL: redisTestUrl(), MEMORY_REDIS_KEY_PREFIX: prefix },
      cleanup: () => deleteRedisKeys(prefix),
    };
  });
});
