// Streamable HTTP for MCP as one Node request handler, so an app mounts it at /mcp however it is
// built (a NestJS controller with @Req/@Res, express, plain node:http). Stateless, like the SDK's
// simpleStatelessStreamableHttp example: a new server and transport per POST, no sessions to
// keep or expire, any instance behind a load balancer can answer. Spring AI's WebMVC MCP server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { checkBearerToken, isHostAllowed } from './check-request.js';
import { createMcpServerFactory } from './create-mcp-server.js';
import type { CreateMcpServerOptions, McpServerLike } from './create-mcp-server.js';
import { createStderrLogger } from './stderr-logger.js';
import type { McpLogger } from './stderr-logger.js';

export interface McpHttpOptions {
  /**
   * When set, every request needs `Authorization: Bearer <token>` (compared in constant time).
   * The app passes it (e.g. from MCP_AUTH_TOKEN); the package never reads the environment.
   */
  authToken?: string;
  /** Host header names accepted, against DNS rebinding when bound to localhost. Unset: any host. */
  allowedHosts?: string[];
  /** Answer each POST with one JSON body instead of an SSE stream (default true). */
  jsonResponse?: boolean;
  logger?: McpLogger;
}

/** Either a factory for a fresh server per request, or the options to build one from tools. */
export type McpHttpHandlerOptions = McpHttpOptions &
  ({ createServer: () => McpServerLike } | CreateMcpServerOptions);

/**
 * Handles one request at the MCP endpoint. Pass the body when a framework already parsed it
 * (express and NestJS do); when omitted, `req.body` is used if present, else the stream is read.
 */
export type McpHttpHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  parsedBody?: unknown,
) => Promise<void>;

export function createMcpHttpHandler(options: McpHttpHandlerOptions): McpHttpHandler {
  const logger = options.logger ?? createStderrLogger('mcp-http');
  const createServer =
    'createServer' in options
      ? options.createServer
      : createMcpServerFactory({ logger, ...options });
  // An empty MCP_AUTH_TOKEN= in a .env file means "no token", as it does for most apps.
  const authToken = options.authToken || undefined;

  return async (req, res, parsedBody) => {
    if (options.allowedHosts && !isHostAllowed(req.headers.host, options.allowedHosts))
      return sendJson(res, 403, {
        statusCode: 403,
        error: 'Forbidden',
        message: `Host "${req.headers.host ?? ''}" is not allowed`,
        details: [{ field: 'host', reason: 'not in allowedHosts' }],
      });
    if (authToken) {
      const check = checkBearerToken(req.headers.authorization, authToken);
      if (check !== 'ok')
        return sendJson(
          res,
          401,
          {
            statusCode: 401,
            error: 'Unauthorized',
            message:
              check === 'missing'
                ? 'Missing bearer token: send Authorization: Bearer <token>'
                : 'Invalid bearer token',
            details: [],
          },
          {
            'www-authenticate':
              check === 'missing'
                ? 'Bearer realm="mcp"'
                : 'Bearer realm="mcp", error="invalid_token"',
          },
        );
    }
    // Stateless mode has no standalone SSE stream (GET) and no session to delete (DELETE).
    if (req.method !== 'POST')
      return sendJson(
        res,
        405,
        { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null },
        { allow: 'POST' },
      );

    const server = createServer();
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: options.jsonResponse ?? true,
    });
    // Registered before handling so a client that disconnects early still frees the server.
    res.on('close', () => void server.close().catch(() => {}));
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, parsedBody ?? (req as { body?: unknown }).body);
    } catch (error) {
      logger.error(`MCP request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, {
          jsonrpc: '2.0',
          error: { code: -32603, message: 'Internal server error' },
          id: null,
        });
    }
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
