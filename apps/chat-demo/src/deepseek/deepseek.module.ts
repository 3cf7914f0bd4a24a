// Port of spring-ai-chat-deepseek (seed §1.1).
import { Module } from '@nestjs/common';
import { SeedChatModule } from '../common/seed-chat.module.js';
import { DeepseekController } from './deepseek.controller.js';
import { DeepseekService } from './deepseek.service.js';

@Module({
  imports: [SeedChatModule],
  controllers: [DeepseekController],
  providers: [DeepseekService],
})
export class DeepseekModule {}
