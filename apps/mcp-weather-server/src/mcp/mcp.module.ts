// The MCP endpoint and what it serves.
import { Module } from '@nestjs/common';
import { McpHttpService } from './mcp-http.service.js';
import { McpController } from './mcp.controller.js';

@Module({ controllers: [McpController], providers: [McpHttpService], exports: [McpHttpService] })
export class McpModule {}
