// Port of spring-ai-chat-doubao, -qwen and -ollama (seed §1.2, §1.4, §1.7).
import { Module } from '@nestjs/common';
import { SeedChatModule } from '../common/seed-chat.module.js';
import { ProviderChatController } from './provider-chat.controller.js';
import { ProviderChatService } from './provider-chat.service.js';

@Module({
  imports: [SeedChatModule],
  controllers: [ProviderChatController],
  providers: [ProviderChatService],
})
export class ProviderChatModule {}
