// connectMcpServers with a recording logger and status callback, closed by runCleanups.
import type { ToolExecutionContext } from '@repo/core';
import { connectMcpServers } from '../connect-mcp-servers.js';
import type { ConnectMcpServersOptions, McpConnections } from '../connect-mcp-servers.js';
import type { McpServerState, McpServerStatus } from '../connect-mcp-server.js';
import type { McpConfig } from '../mcp-config.js';
import { cleanups, stdioServerScript } from './test-servers.js';

export const ctx: ToolExecutionContext = { toolCallId: 'call-1', context: {}, messages: [] };
/** The stdio fixture server, named "local". */
export const local = { command: process.execPath, args: [stdioServerScript, 'local'] };

/** Connects, records every status change and log line, and closes after the test. */
export async function connectRecorded(config: McpConfig, options: ConnectMcpServersOptions = {}) {
  const changes: McpServerStatus[] = [];
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  const record = (line: string) => (lines.push(line), notify());
  const mcp: McpConnections = await connectMcpServers(config, {
    logger: { log: record, warn: record, error: record },
    onStatusChange: (status) => (changes.push(status), notify()),
    // A spawned Node child can take long to start on a busy 2-core CI machine; tests that are
    // about timeouts pass their own.
    connectTimeoutMs: 55_000,
    ...options,
  });
  cleanups.push(() => mcp.close());
  /** Resolves once `check` holds; the suite's hang guard fails a test that waits forever. */
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((wake) => waiters.push(wake));
  };
  const stateOf = (name: string): McpServerState | undefined =>
    mcp.servers.find((server) => server.name === name)?.state;
  const tool = (name: string) => {
    const found = mcp.tools.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no tool ${name} in ${mcp.tools.map((t) => t.name).join(', ')}`);
    return found;
  };
  return { mcp, changes, lines, until, stateOf, tool };
}
