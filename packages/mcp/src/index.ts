export { connectMcpServers } from './connect-mcp-servers.js';
export type { ConnectMcpServersOptions, McpConnections } from './connect-mcp-servers.js';
export type { McpServerState, McpServerStatus } from './connect-mcp-server.js';
export { createMcpHttpHandler } from './create-mcp-http-handler.js';
export type {
  McpHttpHandler,
  McpHttpHandlerOptions,
  McpHttpOptions,
} from './create-mcp-http-handler.js';
export { createMcpServer, createMcpServerFactory, toCallToolResult } from './create-mcp-server.js';
export type { CreateMcpServerOptions, McpServerLike } from './create-mcp-server.js';
export { loadMcpConfig, parseMcpConfig } from './mcp-config.js';
export type {
  LoadMcpConfigOptions,
  McpConfig,
  McpHttpServerConfig,
  McpServerConfig,
  McpStdioServerConfig,
} from './mcp-config.js';
export { McpConfigError, McpServerUnavailableError, McpToolError } from './mcp-errors.js';
export { serveStdio } from './serve-stdio.js';
export type { ServeStdioOptions, StdioMcpServer } from './serve-stdio.js';
export { createStderrLogger, redirectConsoleToStderr, silentLogger } from './stderr-logger.js';
export type { McpLogger } from './stderr-logger.js';
export { readToolResult } from './to-core-tool.js';
