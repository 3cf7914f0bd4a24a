// Port of spring-ai-chat-memory-local (seed §1.8a).
import { Module } from '@nestjs/common';
import { ChatMemoryController } from './chat-memory.controller.js';
import { ChatMemoryService } from './chat-memory.service.js';

@Module({ controllers: [ChatMemoryController], providers: [ChatMemoryService] })
export class ChatMemoryModule {}
