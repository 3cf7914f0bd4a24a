// The MCP part of /health: each server's state. Informational: a failed server leaves the app up
// (it keeps answering with the other servers' tools), so it does not turn /health into a 503
// that would get a healthy app restarted; /api/mcp/servers says why it failed.
import { Inject, Injectable } from '@nestjs/common';
import type { HealthProbe } from '@repo/nest';
import { McpConnectionsService } from './mcp-connections.service.js';

@Injectable()
export class McpProbe implements HealthProbe {
  constructor(@Inject(McpConnectionsService) private readonly mcp: McpConnectionsService) {}

  probe() {
    const servers = Object.fromEntries(this.mcp.servers().map(({ name, state }) => [name, state]));
    return { servers };
  }
}
