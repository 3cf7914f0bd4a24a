// The chat memory of the app, opened on first use (cold start: boot validates config only) and
// closed on shutdown. A failed open (the PGlite folder held by another process, a server down) is
// reported to that request and retried by the next one.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Advisor } from '@repo/core';
import {
  createMessageChatMemoryAdvisor,
  createMessageWindowChatMemory,
  type ChatMemoryRepository,
} from '@repo/memory';
import { createLazyResource } from '@repo/nest';
import type { AppConfig } from '../app-config.js';
import { APP_CONFIG } from '@repo/nest';
import { openRepository, type OpenedRepository } from './open-repository.js';

interface OpenStore extends OpenedRepository {
  advisor: Advisor;
}

@Injectable()
export class MemoryStoreService implements OnApplicationShutdown {
  private readonly logger = new Logger('MemoryStore');
  private readonly resource = createLazyResource({
    open: async (): Promise<OpenStore> => {
      const opened = await openRepository(this.config);
      const memory = createMessageWindowChatMemory({
        repository: opened.repository,
        maxMessages: this.config.MEMORY_MAX_MESSAGES,
      });
      return { ...opened, advisor: createMessageChatMemoryAdvisor({ memory }) };
    },
    close: (store) => store.close(),
    onOpen: (store) =>
      this.logger.log(`Chat memory: ${this.config.MEMORY_STORE} (${store.describe})`),
    onError: (error) => this.logger.error(error instanceof Error ? error.message : String(error)),
  });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get kind(): AppConfig['MEMORY_STORE'] {
    return this.config.MEMORY_STORE;
  }

  async repository(): Promise<ChatMemoryRepository> {
    return (await this.resource.get()).repository;
  }

  /** Spring's MessageChatMemoryAdvisor over a MessageWindowChatMemory(MEMORY_MAX_MESSAGES). */
  async advisor(): Promise<Advisor> {
    return (await this.resource.get()).advisor;
  }

  onApplicationShutdown(): Promise<void> {
    return this.resource.close();
  }
}
