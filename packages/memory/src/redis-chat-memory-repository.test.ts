import { afterAll, it } from 'vitest';
import {
  deleteRedisKeys,
  describeWithRedis,
  redisTestPrefix,
  redisTestUrl,
} from './__fixtures__/test-services.js';
import {
  appendConcurrently,
  describeRepositoryContract,
} from './__fixtures__/repository-contract.js';
import { createRedisChatMemoryRepository } from './redis-chat-memory-repository.js';

describeWithRedis('Redis repository', () => {
  const url = redisTestUrl() as string;
  const keyPrefix = redisTestPrefix();
  afterAll(() => deleteRedisKeys(url, keyPrefix));

  describeRepositoryContract('Redis', {
    create: async (options) => createRedisChatMemoryRepository({ url, keyPrefix, ...options }),
  });

  it('keeps 100 concurrent appends whole and in each writer’s order', async () => {
    const repository = createRedisChatMemoryRepository({ url, keyPrefix });
    try {
      await appendConcurrently(repository);
    } finally {
      await repository.close();
    }
  });
});
