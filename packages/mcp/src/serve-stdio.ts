// Serves an MCP server over stdin/stdout, for an entry point that boots nothing else (no Nest:
// its banner and console logger would write to stdout). Spring AI's stdio profile
// (`spring.ai.mcp.server.stdio: true`) without the seed's bug: stdout carries protocol only.
import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from './create-mcp-server.js';
import type { CreateMcpServerOptions, McpServerLike } from './create-mcp-server.js';
import { createStderrLogger, redirectConsoleToStderr } from './stderr-logger.js';
import type { McpLogger } from './stderr-logger.js';

export interface ServeStdioOptions {
  /** Default `process.stdin` / `process.stdout`. */
  stdin?: Readable;
  stdout?: Writable;
  /**
   * Send console.log/info/debug to stderr while serving (default true): tools and libraries log
   * with console.log, and any line on stdout that is not JSON-RPC breaks the client.
   */
  redirectConsole?: boolean;
  /** Startup and shutdown lines; stderr by default. Never a logger that writes to stdout. */
  logger?: McpLogger;
}

export interface StdioMcpServer {
  server: McpServerLike;
  /** Settles when the client closes our stdin or `close()` is called. */
  closed: Promise<void>;
  close(): Promise<void>;
}

/** Connects `source` (a server, or the options to build one from tools) to stdin/stdout. */
export async function serveStdio(
  source: McpServerLike | CreateMcpServerOptions,
  options: ServeStdioOptions = {},
): Promise<StdioMcpServer> {
  const restoreConsole = options.redirectConsole === false ? () => {} : redirectConsoleToStderr();
  const name = 'connect' in source ? 'mcp' : source.name;
  const logger = options.logger ?? createStderrLogger(name);
  const server = 'connect' in source ? source : createMcpServer({ logger, ...source });
  const stdin = options.stdin ?? process.stdin;
  const transport = new StdioServerTransport(stdin, options.stdout ?? process.stdout);

  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= server
      .close()
      .catch((error: unknown) => logger.error(`closing failed: ${String(error)}`))
      .finally(() => {
        stdin.off('end', onEnd);
        restoreConsole();
        logger.log('stdio server closed');
        markClosed();
      });
    return closing;
  };
  // The SDK transport never notices stdin ending; without this a server whose client exited
  // would linger until killed (and the client's close() waits 2 s before sending SIGTERM).
  const onEnd = () => void close();
  stdin.once('end', onEnd);

  await server.connect(transport);
  logger.log('serving MCP over stdio');
  return { server, closed, close };
}
