// Shares SeedChatService between the seed-route feature modules.
import { Module } from '@nestjs/common';
import { SeedChatService } from './seed-chat.service.js';

@Module({ providers: [SeedChatService], exports: [SeedChatService] })
export class SeedChatModule {}
