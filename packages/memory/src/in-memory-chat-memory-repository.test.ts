import { describe, it } from 'vitest';
import {
  appendConcurrently,
  describeRepositoryContract,
} from './__fixtures__/repository-contract.js';
import { createInMemoryChatMemoryRepository } from './in-memory-chat-memory-repository.js';

describeRepositoryContract('in-memory', {
  create: async (options) => createInMemoryChatMemoryRepository(options),
});

describe('in-memory: concurrency', () => {
  it('keeps 100 concurrent appends whole and in each writer’s order', async () => {
    await appendConcurrently(createInMemoryChatMemoryRepository());
  });
});
