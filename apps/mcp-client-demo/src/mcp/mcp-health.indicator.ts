// The MCP part of /health: each server's state. Informational: a failed server leaves the app up
// (it keeps answering with the other servers' tools), so it does not turn /health into a 503
// that would get a healthy app restarted; /api/mcp/servers says why it failed.
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { McpConnectionsService } from './mcp-connections.service.js';

@Injectable()
export class McpHealthIndicator {
  constructor(
    @Inject(McpConnectionsService) private readonly mcp: McpConnectionsService,
    @Inject(HealthIndicatorService) private readonly health: HealthIndicatorService,
  ) {}

  check<const Key extends string = 'mcp'>(key: Key = 'mcp' as Key): HealthIndicatorResult<Key> {
    const servers = Object.fromEntries(this.mcp.servers().map(({ name, state }) => [name, state]));
    return this.health.check(key).up({ servers });
  }
}
