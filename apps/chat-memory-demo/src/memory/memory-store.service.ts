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
import type { AppConfig } from '../app-config.js';
import { APP_CONFIG } from './memory-tokens.js';
import { openRepository, type OpenedRepository } from './open-repository.js';

interface OpenStore extends OpenedRepository {
  advisor: Advisor;
}

@Injectable()
export class MemoryStoreService implements OnApplicationShutdown {
  private readonly logger = new Logger('MemoryStore');
  private opening: Promise<OpenStore> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get kind(): AppConfig['MEMORY_STORE'] {
    return this.config.MEMORY_STORE;
  }

  async repository(): Promise<ChatMemoryRepository> {
    return (await this.open()).repository;
  }

  /** Spring's MessageChatMemoryAdvisor over a MessageWindowChatMemory(MEMORY_MAX_MESSAGES). */
  async advisor(): Promise<Advisor> {
    return (await this.open()).advisor;
  }

  async onApplicationShutdown(): Promise<void> {
    const opening = this.opening;
    this.opening = undefined;
    const store = await opening?.catch(() => undefined);
    await store?.close();
  }

  private open(): Promise<OpenStore> {
    this.opening ??= openRepository(this.config).then(
      (opened) => {
        this.logger.log(`Chat memory: ${this.config.MEMORY_STORE} (${opened.describe})`);
        const memory = createMessageWindowChatMemory({
          repository: opened.repository,
          maxMessages: this.config.MEMORY_MAX_MESSAGES,
        });
        return { ...opened, advisor: createMessageChatMemoryAdvisor({ memory }) };
      },
      (error: unknown) => {
        this.opening = undefined;
        this.logger.error(error instanceof Error ? error.message : String(error));
        throw error;
      },
    );
    return this.opening;
  }
}
