// The chat memory, shared by the chat and conversations features (global: one store per app).
import { Global, Module } from '@nestjs/common';
import { MemoryStoreService } from './memory-store.service.js';

@Global()
@Module({ providers: [MemoryStoreService], exports: [MemoryStoreService] })
export class MemoryModule {}
