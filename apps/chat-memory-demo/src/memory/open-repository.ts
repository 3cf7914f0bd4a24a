// MEMORY_STORE → a ChatMemoryRepository (Spring AI's ChatMemoryRepository beans): SQL over
// @repo/storage (PGlite file by default, memory:// or PostgreSQL via DATABASE_URL), process
// memory, or Redis. Returns what must be closed on shutdown, in order.
import {
  createInMemoryChatMemoryRepository,
  createRedisChatMemoryRepository,
  createSqlChatMemoryRepository,
  type ChatMemoryRepository,
} from '@repo/memory';
import { openDatabaseWith } from '@repo/storage';
import type { AppConfig } from '../app-config.js';

export interface OpenedRepository {
  repository: ChatMemoryRepository;
  /** Where it lives, safe to log (no password). */
  describe: string;
  close(): Promise<void>;
}

export async function openRepository(config: AppConfig): Promise<OpenedRepository> {
  switch (config.MEMORY_STORE) {
    case 'memory': {
      const repository = createInMemoryChatMemoryRepository();
      return { repository, describe: 'process memory', close: () => repository.close() };
    }
    case 'redis': {
      // The schema makes REDIS_URL required for this store.
      const repository = createRedisChatMemoryRepository({
        url: config.REDIS_URL as string,
        keyPrefix: config.MEMORY_REDIS_KEY_PREFIX,
      });
      return { repository, describe: 'Redis', close: () => repository.close() };
    }
    case 'sql': {
      return openDatabaseWith({ url: config.DATABASE_URL }, async (database) => {
        const repository = await createSqlChatMemoryRepository(database);
        return {
          repository,
          describe: database.url,
          close: async () => {
            await repository.close();
            await database.close();
          },
        };
      });
    }
  }
}
