// The app: AiModule (models from the env, embedded model without a key), the chat memory store,
// the seed's /api/test/chat, /api/conversations and /health. Validation and the one error filter
// are global providers so e2e tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AiModule, createValidationPipe } from '@repo/nest';
import { ChatMemoryModule } from './chat/chat-memory.module.js';
import { AppExceptionFilter } from './common/app-exception-filter.js';
import { ConversationsModule } from './conversations/conversations.module.js';
import { HealthModule } from './health/health.module.js';
import { MemoryModule } from './memory/memory.module.js';

@Module({
  imports: [AiModule.forRoot(), MemoryModule, HealthModule, ChatMemoryModule, ConversationsModule],
  providers: [
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
  ],
})
export class AppModule {}
