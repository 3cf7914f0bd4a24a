// User-controlled tool execution: /api/tools/steps, on the tools feature's catalogue and client.
import { Module } from '@nestjs/common';
import type { AppConfig } from '../app-config.js';
import { APP_CONFIG } from '@repo/nest';
import { ToolsModule } from '../tools/tools.module.js';
import { ConversationStore } from './conversation-store.js';
import { StepsController } from './steps.controller.js';
import { StepsService } from './steps.service.js';
import { CONVERSATION_STORE } from './steps-tokens.js';

@Module({
  imports: [ToolsModule],
  controllers: [StepsController],
  providers: [
    {
      provide: CONVERSATION_STORE,
      useFactory: (config: AppConfig) =>
        new ConversationStore({
          ttlMs: config.STEPS_TTL_MINUTES * 60_000,
          maxConversations: config.STEPS_MAX_CONVERSATIONS,
        }),
      inject: [APP_CONFIG],
    },
    StepsService,
  ],
})
export class StepsModule {}
