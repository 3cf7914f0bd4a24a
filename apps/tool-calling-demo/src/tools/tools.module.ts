// The tool catalogue and the tools' ChatClient (shared with the steps feature), and /api/tools.
import { Module } from '@nestjs/common';
import { ToolCatalog } from './tool-catalog.js';
import { TOOL_CHAT_CLIENT, toolChatClientProvider } from './tool-chat-client.js';
import { ToolsController } from './tools.controller.js';
import { ToolsService } from './tools.service.js';

@Module({
  controllers: [ToolsController],
  providers: [ToolCatalog, toolChatClientProvider, ToolsService],
  exports: [ToolCatalog, TOOL_CHAT_CLIENT],
})
export class ToolsModule {}
