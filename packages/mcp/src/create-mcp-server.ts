// An MCP server built from core Tools (Spring AI's MethodToolCallbackProvider behind
// spring-ai-starter-mcp-server). The low-level SDK `Server` is used on purpose: `McpServer`
// only takes zod shapes, and our tools already carry JSON schemas that must reach clients as-is.
import { InvalidInputError } from '@repo/core';
import type { Tool } from '@repo/core';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult, Tool as McpToolDefinition } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { createStderrLogger } from './stderr-logger.js';
import type { McpLogger } from './stderr-logger.js';

export interface CreateMcpServerOptions {
  name: string;
  version: string;
  tools: readonly Tool<unknown, unknown>[];
  /** Told to clients at initialize: how to use these tools. */
  instructions?: string;
  /** Values every tool sees as `ToolExecutionContext.context` (never sent to the client). */
  toolContext?: Readonly<Record<string, unknown>>;
  /** Check arguments against each tool's JSON schema before `execute` (default true). */
  validateArguments?: boolean;
  /** Where tool failures are logged; stderr by default, which is safe for stdio. */
  logger?: McpLogger;
}

/** What the transports need of a server: the SDK's low-level `Server` and `McpServer` both fit. */
export interface McpServerLike {
  connect(transport: Transport): Promise<void>;
  close(): Promise<void>;
}

type Validate = (args: unknown) => string | undefined;

/** An SDK `Server` answering tools/list and tools/call from `options.tools`. */
export function createMcpServer(options: CreateMcpServerOptions): Server {
  return createMcpServerFactory(options)();
}

/**
 * Checks the tools and compiles their schemas once, then makes a fresh `Server` per call: stateless
 * Streamable HTTP needs a new server for every request, and compiling per request would be waste.
 */
export function createMcpServerFactory(options: CreateMcpServerOptions): () => Server {
  const logger = options.logger ?? createStderrLogger(options.name);
  const tools = indexTools(options.tools);
  const definitions = options.tools.map(toMcpToolDefinition);
  const validators = new Map<string, Validate>();
  if (options.validateArguments !== false) {
    const ajv = new AjvJsonSchemaValidator();
    for (const tool of options.tools)
      validators.set(tool.name, compileValidator(ajv, tool, logger));
  }

  return () => {
    const server = new Server(
      { name: options.name, version: options.version },
      {
        capabilities: { tools: {} },
        ...(options.instructions ? { instructions: options.instructions } : {}),
      },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: definitions }));
    server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
      const { name } = request.params;
      const tool = tools.get(name);
      // An unknown tool is a protocol error per the MCP spec; a failing tool is a result. Not an
      // McpError: its message already says "MCP error -32602: ", and the client adds that again.
      if (!tool)
        throw Object.assign(
          new Error(
            `Unknown tool "${name}". Available tools: ${[...tools.keys()].join(', ') || '(none)'}`,
          ),
          { code: ErrorCode.InvalidParams },
        );
      const args = request.params.arguments ?? {};
      const invalid = validators.get(name)?.(args);
      if (invalid) return errorResult(`Invalid arguments for tool "${name}": ${invalid}`);
      try {
        const result = await tool.execute(args, {
          toolCallId: String(extra.requestId),
          context: options.toolContext ?? {},
          messages: [],
          signal: extra.signal,
        });
        return toCallToolResult(result);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // The client reads the message; the log gets the error's kind only (messages quote arguments).
        const kind = error instanceof Error ? error.name : typeof error;
        logger.warn(`tool "${name}" failed (${kind})`);
        return errorResult(message);
      }
    });
    return server;
  };
}

/** A string as text; anything else as JSON text, objects also as `structuredContent`. */
export function toCallToolResult(result: unknown): CallToolResult {
  if (result === undefined) return { content: [] };
  if (typeof result === 'string') return { content: [{ type: 'text', text: result }] };
  const text = JSON.stringify(result);
  // Re-read rather than reused: a Date or a class instance must reach the client as plain JSON.
  const data: unknown = JSON.parse(text);
  const structured =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? { structuredContent: data as Record<string, unknown> }
      : {};
  return { content: [{ type: 'text', text }], ...structured };
}

function errorResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

function indexTools(list: readonly Tool<unknown, unknown>[]): Map<string, Tool<unknown, unknown>> {
  const tools = new Map<string, Tool<unknown, unknown>>();
  for (const [index, tool] of list.entries()) {
    if (tools.has(tool.name))
      throw new InvalidInputError(`Two tools are named "${tool.name}"; MCP tool names are unique`, [
        { field: `tools[${index}].name`, reason: 'duplicate' },
      ]);
    tools.set(tool.name, tool);
  }
  return tools;
}

/** The tool's schema as-is; only a missing root `type` is filled in, since MCP requires "object". */
function toMcpToolDefinition(tool: Tool<unknown, unknown>, index: number): McpToolDefinition {
  const type = tool.parameters['type'];
  if (type !== undefined && type !== 'object')
    throw new InvalidInputError(
      `Tool "${tool.name}" has parameters of type ${JSON.stringify(type)}; MCP requires an object schema`,
      [{ field: `tools[${index}].parameters.type`, reason: 'must be "object"' }],
    );
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: { ...tool.parameters, type: 'object' } as McpToolDefinition['inputSchema'],
  };
}

/** A schema Ajv cannot compile is not fatal: the tool's own execute still validates. */
function compileValidator(
  ajv: AjvJsonSchemaValidator,
  tool: Tool<unknown, unknown>,
  logger: McpLogger,
): Validate {
  try {
    const validate = ajv.getValidator(tool.parameters);
    return (args) => {
      const result = validate(args);
      return result.valid ? undefined : result.errorMessage;
    };
  } catch (error) {
    logger.warn(
      `tool "${tool.name}": schema not checked before execute (${(error as Error).message})`,
    );
    return () => undefined;
  }
}
