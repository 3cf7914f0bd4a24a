// The MCP client side (Spring AI's McpClient + SyncMcpToolCallbackProvider): connect every
// configured server at once, expose their tools as core Tools, report each server's state. A
// server that fails to start or drops later is reported; the others keep working.
import type { Tool } from '@repo/core';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { createServerConnection } from './connect-mcp-server.js';
import type { McpServerStatus } from './connect-mcp-server.js';
import type { McpConfig, McpServerConfig } from './mcp-config.js';
import { createStderrLogger } from './stderr-logger.js';
import type { McpLogger } from './stderr-logger.js';
import { toCoreTool } from './to-core-tool.js';

export interface ConnectMcpServersOptions {
  /**
   * Name every tool `<server>_<tool>`. Default false: names stay as the servers gave them and only
   * a name already taken by an earlier server (in config order) gets the prefix.
   */
  prefixToolNames?: boolean;
  /** Limit for starting a server: spawn or first request, initialize and tools/list (30 s). */
  connectTimeoutMs?: number;
  /** Limit for each tool call (60 s). A server's own `timeoutMs` in the config wins over both. */
  callTimeoutMs?: number;
  /** Status changes and each stdio server's stderr, as `[name] line`; stderr by default. */
  logger?: McpLogger;
  /** Sent at initialize; servers may log it. */
  clientInfo?: { name: string; version: string };
  /** For Streamable HTTP servers (tests, proxies). */
  fetch?: FetchLike;
  /** Called with a copy of a server's status each time it changes (connected, failed, dropped). */
  onStatusChange?: (status: McpServerStatus) => void;
}

export interface McpConnections {
  /** The tools of every server that connected, in config order; a dropped server's tools throw. */
  readonly tools: Tool<unknown, unknown>[];
  /** The current status of every configured server (a fresh copy on each read). */
  readonly servers: McpServerStatus[];
  /** Closes every client and stops every child process. Safe to call twice. */
  close(): Promise<void>;
}

const TOOL_NAME_LIMIT = 64; // OpenAI's function name limit, the strictest common one

export async function connectMcpServers(
  config: McpConfig,
  options: ConnectMcpServersOptions = {},
): Promise<McpConnections> {
  const logger = options.logger ?? createStderrLogger('mcp-client');
  const clientInfo = options.clientInfo ?? { name: '@repo/mcp', version: '0.0.0' };
  const servers = Object.entries(config.mcpServers);
  // Started together; results are read back in config order so tool names never depend on which
  // server answered first.
  const started = await Promise.all(
    servers.map(async ([name, server]) => {
      if (server.disabled) {
        const status = disabledStatus(name, server);
        return { name, server, status: () => status };
      }
      const connection = createServerConnection(name, server, {
        timeoutMs: server.timeoutMs ?? options.connectTimeoutMs ?? 30_000,
        logger,
        clientInfo,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        onStatusChange: (status) => options.onStatusChange?.(status),
      });
      const listed = await connection.start();
      return { name, server, status: () => connection.status, connection, listed };
    }),
  );

  const tools: Tool<unknown, unknown>[] = [];
  const taken = new Set<string>();
  for (const { name: server, server: serverConfig, connection, listed } of started) {
    if (!connection || !listed) continue;
    const timeoutMs = serverConfig.timeoutMs ?? options.callTimeoutMs ?? 60_000;
    const names = listed.map((definition) => {
      const name = pickToolName(server, definition.name, taken, options.prefixToolNames ?? false);
      if (!options.prefixToolNames && name !== definition.name)
        logger.warn(`MCP tool "${definition.name}" of "${server}" is exposed as "${name}" (taken)`);
      taken.add(name);
      tools.push(toCoreTool(connection, definition, name, timeoutMs));
      return name;
    });
    connection.announce(names);
  }

  const connections = started.flatMap((entry) => (entry.connection ? [entry.connection] : []));
  let closing: Promise<void> | undefined;
  return {
    tools,
    get servers() {
      return started.map(({ status }) => ({ ...status(), tools: [...status().tools] }));
    },
    close() {
      closing ??= Promise.all(connections.map((c) => c.close())).then(() => undefined);
      return closing;
    },
  };
}

function disabledStatus(name: string, server: McpServerConfig): McpServerStatus {
  return { name, transport: 'url' in server ? 'http' : 'stdio', state: 'disabled', tools: [] };
}

function pickToolName(server: string, tool: string, taken: Set<string>, prefix: boolean): string {
  const prefixed = `${server}_${tool}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, TOOL_NAME_LIMIT);
  let name = prefix || taken.has(tool) ? prefixed : tool;
  for (let n = 2; taken.has(name); n += 1) name = `${prefixed.slice(0, TOOL_NAME_LIMIT - 4)}_${n}`;
  return name;
}
