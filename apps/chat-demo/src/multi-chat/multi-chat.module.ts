// Port of spring-ai-chat-multi and spring-ai-chat-multi-openai (seed §1.5, §1.6).
import { Module } from '@nestjs/common';
import { SeedChatModule } from '../common/seed-chat.module.js';
import { MultiChatController } from './multi-chat.controller.js';
import { MultiChatService } from './multi-chat.service.js';

@Module({
  imports: [SeedChatModule],
  controllers: [MultiChatController],
  providers: [MultiChatService],
})
export class MultiChatModule {}
