// One configured server: its transport, its SDK Client and its live status. Failures never throw
// out of `start()`; they become a status with a reason, so one broken server cannot take the
// others down (the seed's Spring client failed its whole startup on one missing `uvx`).
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Tool as McpToolDefinition } from '@modelcontextprotocol/sdk/types.js';
import { describeError } from './describe-error.js';
import type { McpServerConfig } from './mcp-config.js';
import type { McpLogger } from './stderr-logger.js';

export type McpServerState =
  'connecting' | 'connected' | 'failed' | 'disconnected' | 'disabled' | 'closed';

export interface McpServerStatus {
  name: string;
  transport: 'stdio' | 'http';
  state: McpServerState;
  /** Why the server is not connected: the error, with the child's last stderr lines for stdio. */
  error?: string;
  /** The names its tools are exposed under (after any prefix). */
  tools: string[];
  /** What the server said it is at initialize. */
  serverInfo?: { name: string; version: string };
  /** The child process of a stdio server. */
  pid?: number;
}

export interface ServerConnectionOptions {
  timeoutMs: number;
  logger: McpLogger;
  clientInfo: { name: string; version: string };
  fetch?: FetchLike;
  onStatusChange(status: McpServerStatus): void;
}

export interface ServerConnection {
  readonly status: McpServerStatus;
  readonly client: Client | undefined;
  /**
   * Connects and lists tools; resolves with no tools (and a failed status) on any failure. Success
   * is announced by `announce`, once the caller has named the tools.
   */
  start(): Promise<McpToolDefinition[]>;
  announce(toolNames: string[]): void;
  close(): Promise<void>;
}

const STDERR_LINES_KEPT = 10;

export function createServerConnection(
  name: string,
  config: McpServerConfig,
  options: ServerConnectionOptions,
): ServerConnection {
  const status: McpServerStatus = {
    name,
    transport: 'url' in config ? 'http' : 'stdio',
    state: 'connecting',
    tools: [],
  };
  const stderrTail: string[] = [];
  let client: Client | undefined;
  let stderrDone: Promise<void> = Promise.resolve();

  const update = (state: McpServerState, error?: string) => {
    status.state = state;
    if (error === undefined) delete status.error;
    else status.error = error;
    options.onStatusChange({ ...status, tools: [...status.tools] });
  };
  // When the child has exited its last stderr lines may still be in flight; wait for them (capped,
  // since a child that is still running never ends its stderr) before quoting the tail.
  const withStderr = async (reason: string) => {
    await Promise.race([stderrDone, new Promise((resolve) => setTimeout(resolve, 500).unref())]);
    return stderrTail.length > 0 ? `${reason} (stderr: ${stderrTail.join(' | ')})` : reason;
  };

  const createTransport = (): Transport => {
    if ('url' in config)
      return new StreamableHTTPClientTransport(new URL(config.url), {
        ...(config.headers ? { requestInit: { headers: config.headers } } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
    const transport = new StdioClientTransport({
      command: config.command,
      args: config.args ?? [],
      ...(config.env ? { env: config.env } : {}),
      ...(config.cwd ? { cwd: config.cwd } : {}),
      stderr: 'pipe',
    });
    // Piped rather than inherited: each line is tagged with the server's name, and the last ones
    // explain a failure ("Cannot find module …") better than "Connection closed" does.
    if (transport.stderr) {
      // With stderr: 'pipe' the SDK hands out a PassThrough (typed only as Stream).
      const lines = createInterface({ input: transport.stderr as Readable });
      lines.on('line', (line) => {
        stderrTail.push(line);
        if (stderrTail.length > STDERR_LINES_KEPT) stderrTail.shift();
        options.logger.log(`[${name}] ${line}`);
      });
      stderrDone = new Promise((resolve) => lines.once('close', resolve));
    }
    return transport;
  };

  const fail = async (error: unknown): Promise<McpToolDefinition[]> => {
    const current = client;
    client = undefined;
    await current?.close().catch(() => {});
    const reason = await withStderr(describeError(error, options.timeoutMs));
    options.logger.error(`MCP server "${name}" failed: ${reason}`);
    update('failed', reason);
    return [];
  };

  return {
    status,
    get client() {
      return client;
    },
    async start() {
      const transport = createTransport();
      client = new Client(options.clientInfo);
      // Errors also reject the pending request, which is where they are reported.
      client.onerror = () => {};
      client.onclose = () => {
        if (status.state !== 'connected') return;
        client = undefined;
        // Set at once so calls fail fast; announced once the reason is complete.
        status.state = 'disconnected';
        void withStderr('the connection closed').then((reason) => {
          options.logger.error(`MCP server "${name}" disconnected: ${reason}`);
          update('disconnected', reason);
        });
      };
      try {
        await client.connect(transport, { timeout: options.timeoutMs });
        const tools = await listAllTools(client, options.timeoutMs);
        const info = client.getServerVersion();
        if (info) status.serverInfo = { name: info.name, version: info.version };
        if (transport instanceof StdioClientTransport && transport.pid) status.pid = transport.pid;
        status.state = 'connected';
        // Startup chatter explains nothing about a later drop; keep only what follows.
        stderrTail.length = 0;
        return tools;
      } catch (error) {
        return fail(error);
      }
    },
    announce(toolNames) {
      status.tools = toolNames;
      if (status.state !== 'connected') return;
      options.logger.log(`MCP server "${name}" connected with ${toolNames.length} tool(s)`);
      update('connected');
    },
    async close() {
      const current = client;
      client = undefined;
      if (status.state === 'connected') update('closed', 'closed by the caller');
      await current?.close().catch(() => {});
    },
  };
}

/** tools/list is paginated; a server with many tools answers in pages. */
async function listAllTools(client: Client, timeoutMs: number): Promise<McpToolDefinition[]> {
  const tools: McpToolDefinition[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs });
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return tools;
}
