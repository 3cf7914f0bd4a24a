// The app: @repo/nest's shell (config, validation, the one error filter, /health with the memory
// store's probe), AiModule (models from the env, embedded model without a key), the chat memory
// store, the seed's /api/test/chat and /api/conversations. Everything is a provider, so e2e tests
// run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { AiModule, AppShellModule } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { ChatMemoryModule } from './chat/chat-memory.module.js';
import { ConversationsModule } from './conversations/conversations.module.js';
import { MemoryStoreProbe } from './memory/memory-store.probe.js';
import { MemoryModule } from './memory/memory.module.js';

@Module({
  imports: [
    AppShellModule.forRoot({
      config: parseAppConfig,
      health: {
        summary: 'Health of the model and the memory store; `deep=true` calls the model',
        probes: { storage: MemoryStoreProbe },
      },
    }),
    AiModule.forRoot(),
    MemoryModule,
    ChatMemoryModule,
    ConversationsModule,
  ],
})
export class AppModule {}
