// A remote MCP tool as a core Tool (Spring AI's SyncMcpToolCallback), so the chat loop calls it
// like any local tool. Every failure is thrown as a typed error: the chat loop turns a thrown
// error into an `isError` tool result the model can read and recover from.
import { AbortedError, InvalidInputError, TimeoutError } from '@repo/core';
import type { Tool } from '@repo/core';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { CallToolResult, Tool as McpToolDefinition } from '@modelcontextprotocol/sdk/types.js';
import type { ServerConnection } from './connect-mcp-server.js';
import { describeError } from './describe-error.js';
import { McpServerUnavailableError, McpToolError } from './mcp-errors.js';

export function toCoreTool(
  connection: ServerConnection,
  definition: McpToolDefinition,
  exposedName: string,
  timeoutMs: number,
): Tool<unknown, unknown> {
  const server = connection.status.name;
  return {
    name: exposedName,
    description: definition.description ?? definition.title ?? '',
    parameters: definition.inputSchema,
    async execute(args, { signal }) {
      if (args !== undefined && args !== null && (typeof args !== 'object' || Array.isArray(args)))
        throw new InvalidInputError(`Tool "${exposedName}" takes a JSON object of arguments`, [
          { field: 'arguments', reason: 'expected an object' },
        ]);
      const client = connection.client;
      if (!client || connection.status.state !== 'connected')
        throw new McpServerUnavailableError(server, connection.status.error ?? 'not connected');
      let result: Awaited<ReturnType<typeof client.callTool>>;
      try {
        result = await client.callTool(
          { name: definition.name, arguments: (args ?? {}) as Record<string, unknown> },
          undefined,
          { timeout: timeoutMs, ...(signal ? { signal } : {}) },
        );
      } catch (error) {
        // The SDK rejects an aborted call with a RequestTimeout McpError, so check the signal first.
        if (signal?.aborted) throw new AbortedError();
        if (error instanceof McpError && error.code === ErrorCode.RequestTimeout)
          throw new TimeoutError(
            `MCP server "${server}" did not answer tool "${definition.name}" within ${timeoutMs} ms`,
            timeoutMs,
            { cause: error },
          );
        if (error instanceof McpError && error.code !== ErrorCode.ConnectionClosed)
          throw new McpToolError(server, definition.name, error.message);
        const reason = connection.status.error ?? describeError(error, timeoutMs);
        throw new McpServerUnavailableError(server, reason, { cause: error });
      }
      if ('toolResult' in result) return result.toolResult; // the 2024-10-07 protocol's shape
      return readToolResult(result as CallToolResult, server, definition.name);
    },
  };
}

/** Structured content when the server sent it, else the text parts joined; errors thrown. */
export function readToolResult(result: CallToolResult, server: string, tool: string): unknown {
  const text = result.content.map(describePart).join('\n');
  if (result.isError) throw new McpToolError(server, tool, text);
  return result.structuredContent ?? text;
}

function describePart(part: CallToolResult['content'][number]): string {
  switch (part.type) {
    case 'text':
      return part.text;
    case 'image':
    case 'audio':
      return `[${part.type}: ${part.mimeType}]`;
    case 'resource_link':
      return `[resource: ${part.uri}]`;
    case 'resource':
      return 'text' in part.resource ? part.resource.text : `[resource: ${part.resource.uri}]`;
  }
}
