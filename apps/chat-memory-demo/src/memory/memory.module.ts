// The chat memory, shared by the chat and conversations features (global: one store per app).
import { Global, Module } from '@nestjs/common';
import { parseAppConfig } from '../app-config.js';
import { MemoryStoreService } from './memory-store.service.js';
import { APP_CONFIG } from './memory-tokens.js';

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => parseAppConfig() }, MemoryStoreService],
  exports: [APP_CONFIG, MemoryStoreService],
})
export class MemoryModule {}
