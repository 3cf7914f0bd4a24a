// The MCP client side: connections, their status endpoint and health indicator.
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { McpConnectionsService } from './mcp-connections.service.js';
import { McpHealthIndicator } from './mcp-health.indicator.js';
import { McpController } from './mcp.controller.js';

@Module({
  imports: [TerminusModule],
  controllers: [McpController],
  providers: [McpConnectionsService, McpHealthIndicator],
  exports: [McpConnectionsService, McpHealthIndicator],
})
export class McpModule {}
