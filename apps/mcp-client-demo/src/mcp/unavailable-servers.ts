// Which configured servers an answer had to do without, so the answer itself says so (a header on
// every chat response, a `warning` event first in a stream) instead of only /api/mcp/servers: an
// answer given without the weather tool reads like any other answer. A `disabled` server is not
// counted: the config chose that, and it is listed at /api/mcp/servers.
import type { McpServerState, McpServerStatus } from '@repo/mcp';

export const MCP_UNAVAILABLE_HEADER = 'X-MCP-Unavailable';

export interface UnavailableServer {
  name: string;
  state: McpServerState;
  /** Why its tools are missing (failed) or answer with an error (disconnected). */
  reason: string;
}

const REASONS: Partial<Record<McpServerState, string>> = {
  connecting: 'still connecting',
  failed: 'failed to connect',
  disconnected: 'the connection dropped',
  closed: 'the connection is closed',
};

export function unavailableServers(statuses: readonly McpServerStatus[]): UnavailableServer[] {
  return statuses.flatMap(({ name, state, error }) => {
    const fallback = REASONS[state];
    return fallback === undefined ? [] : [{ name, state, reason: error ?? fallback }];
  });
}

const MAX_REASON = 200;

/**
 * An RFC 8941 list: `"fetch";state=failed;reason="command not found …"`. Header values are ASCII,
 * so other characters become `?` (the full reason is in the stream's event and at
 * /api/mcp/servers), and a reason is cut at 200 characters.
 */
export function formatUnavailableHeader(servers: readonly UnavailableServer[]): string {
  return servers
    .map(({ name, state, reason }) => `${sfString(name)};state=${state};reason=${sfString(reason)}`)
    .join(', ');
}

function sfString(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?');
  const short = ascii.length > MAX_REASON ? `${ascii.slice(0, MAX_REASON - 3)}...` : ascii;
  return `"${short.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
