// Errors of @repo/mcp, on core's hierarchy (docs/conventions.md rule 11). A bad mcp.json is core's
// InvalidInputError with the server and field named; a server that cannot be reached is a
// ProviderUnavailableError so apps map it to 502 like any other upstream that is down.
import { AiError, InvalidInputError, ProviderUnavailableError } from '@repo/core';
import type { InvalidInputDetail } from '@repo/core';

/** mcp.json could not be read or does not match the format; `details` name each field. */
export class McpConfigError extends InvalidInputError {
  /** The file the config came from, when it came from a file. */
  readonly source: string | undefined;

  constructor(message: string, details: InvalidInputDetail[], source?: string) {
    super(message, details, { code: 'mcp_config_invalid' });
    this.source = source;
  }
}

/** A configured server failed to start, timed out, dropped, or was closed by the caller. */
export class McpServerUnavailableError extends ProviderUnavailableError {
  readonly serverName: string;
  readonly reason: string;

  constructor(serverName: string, reason: string, options: { cause?: unknown } = {}) {
    super(`MCP server "${serverName}" is unavailable: ${reason}`, {
      code: 'mcp_server_unavailable',
      provider: `mcp:${serverName}`,
      cause: options.cause,
    });
    this.serverName = serverName;
    this.reason = reason;
  }
}

/** The server ran the tool and answered `isError: true`; the message is the tool's own text. */
export class McpToolError extends AiError {
  readonly serverName: string;
  readonly toolName: string;

  constructor(serverName: string, toolName: string, text: string) {
    super(text || `Tool "${toolName}" on MCP server "${serverName}" failed without a message`, {
      code: 'mcp_tool_error',
      kind: 'upstream_failure',
    });
    this.serverName = serverName;
    this.toolName = toolName;
  }
}
