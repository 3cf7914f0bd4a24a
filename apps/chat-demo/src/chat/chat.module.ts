// The clean chat API (docs/architecture.md: /api/chat), on AiModule's clients.
import { Module } from '@nestjs/common';
import { ChatController } from './chat.controller.js';
import { ChatService } from './chat.service.js';

@Module({ controllers: [ChatController], providers: [ChatService] })
export class ChatModule {}
