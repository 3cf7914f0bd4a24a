// The configured MCP servers and their tools (Spring AI's MCP client starter and its
// ToolCallbackProvider). When to connect: in the background as the app starts, not before it
// listens (spawning servers would add their start-up to every cold start; the seed spawned all of
// them and failed its startup on one missing `uvx`), and not on the first request either (that
// request would pay for it). A request that arrives while servers are still starting waits for
// them, bounded by the connect timeout (30 s, or the server's `timeoutMs` in mcp.json).
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AnyTool } from '@repo/core';
import { connectMcpServers } from '@repo/mcp';
import type { McpConnections, McpServerStatus } from '@repo/mcp';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';

@Injectable()
export class McpConnectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mcp');
  private readonly statuses = new Map<string, McpServerStatus>();
  private connecting: Promise<McpConnections> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    for (const [name, server] of Object.entries(config.mcp.config.mcpServers))
      this.statuses.set(name, {
        name,
        transport: 'url' in server ? 'http' : 'stdio',
        state: server.disabled ? 'disabled' : 'connecting',
        tools: [],
      });
  }

  onApplicationBootstrap(): void {
    const servers = [...this.statuses.values()];
    const names = (state: string) =>
      servers.filter((server) => server.state === state).map((server) => server.name);
    const disabled = names('disabled');
    this.logger.log(
      `MCP config ${this.config.mcp.source}: connecting in the background to ${names('connecting').join(', ') || '(no server)'}` +
        (disabled.length > 0 ? `; disabled: ${disabled.join(', ')}` : ''),
    );
    void this.connect();
  }

  /** The tools of every server that connected; waits for the first connection round. */
  async tools(): Promise<AnyTool[]> {
    return (await this.connect()).tools;
  }

  /** Every configured server's current state, in config order (failures carry their reason). */
  servers(): McpServerStatus[] {
    return [...this.statuses.values()].map((status) => ({ ...status, tools: [...status.tools] }));
  }

  async onApplicationShutdown(): Promise<void> {
    // Stops every child process; awaited so a test or SIGTERM never leaves a server running.
    await (await this.connecting)?.close();
  }

  private connect(): Promise<McpConnections> {
    this.connecting ??= connectMcpServers(this.config.mcp.config, {
      logger: this.logger, // failures and each stdio server's stderr, as `[name] line`
      clientInfo: { name: 'mcp-client-demo', version: '1.0.0' },
      onStatusChange: (status) => this.statuses.set(status.name, status),
    });
    return this.connecting;
  }
}
