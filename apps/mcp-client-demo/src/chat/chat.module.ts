// GET /api/chat/ai (the seed's mcp-client endpoint).
import { Module } from '@nestjs/common';
import { McpModule } from '../mcp/mcp.module.js';
import { ChatController } from './chat.controller.js';
import { ChatService } from './chat.service.js';

@Module({ imports: [McpModule], controllers: [ChatController], providers: [ChatService] })
export class ChatModule {}
