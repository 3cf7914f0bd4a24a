// The MCP client side: connections and their status endpoint (/health's probe: mcp.probe.ts).
import { Module } from '@nestjs/common';
import { McpConnectionsService } from './mcp-connections.service.js';
import { McpController } from './mcp.controller.js';

@Module({
  controllers: [McpController],
  providers: [McpConnectionsService],
  exports: [McpConnectionsService],
})
export class McpModule {}
