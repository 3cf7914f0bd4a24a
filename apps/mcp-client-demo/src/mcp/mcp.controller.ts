// GET /api/mcp/servers: what the app is connected to, so a broken server is visible without
// reading logs (the seed had no such view: one bad connection stopped its whole startup).
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@repo/nest';
import { McpConnectionsService } from './mcp-connections.service.js';
import { toServerView } from './mcp-server-view.js';
import type { McpServerView } from './mcp-server-view.js';

@ApiTags('mcp')
@Controller('api/mcp')
export class McpController {
  constructor(@Inject(McpConnectionsService) private readonly mcp: McpConnectionsService) {}

  @Get('servers')
  @ApiOperation({ summary: 'Every configured MCP server: transport, state, tools, error' })
  @ApiOkResponse({
    description: '`{ servers: [{ name, transport, state, tools, serverInfo?, error? }] }`',
  })
  servers(): { servers: McpServerView[] } {
    return { servers: this.mcp.servers().map(toServerView) };
  }
}
