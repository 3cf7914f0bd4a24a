// Test plumbing: an SDK Client wired to a server in memory, and a plain node:http server with an
// MCP handler at /mcp on a free port. Both sides are the official SDK, an independent peer.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createMcpHttpHandler } from '../create-mcp-http-handler.js';
import type { McpHttpOptions } from '../create-mcp-http-handler.js';
import type { McpServerLike } from '../create-mcp-server.js';
import { silentLogger } from '../stderr-logger.js';
import { testTools } from './test-tools.mjs';

export const stdioServerScript = fileURLToPath(new URL('./stdio-server.mjs', import.meta.url));

/** A raw JSON-RPC initialize, for tests that speak the wire format without the SDK. */
export const initializeRequest = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw', version: '1' },
  },
};

/** Whatever a test started, stopped in reverse order by `runCleanups` (call it in afterEach). */
export const cleanups: (() => Promise<void>)[] = [];
export async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export async function connectInMemory(server: McpServerLike): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

export interface TestHttpServer {
  url: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export async function startHttpServer(handler: Handler): Promise<TestHttpServer> {
  const server = createServer((req, res) => {
    if (req.url !== '/mcp') return void res.writeHead(404).end();
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The test tools behind createMcpHttpHandler at /mcp, stopped by runCleanups. */
export async function startToolsHttp(
  name: string,
  options: McpHttpOptions = {},
): Promise<TestHttpServer> {
  const handler = createMcpHttpHandler({
    name,
    version: '2.0.0',
    tools: testTools,
    logger: silentLogger,
    ...options,
  });
  const server = await startHttpServer(handler);
  cleanups.push(server.close);
  return server;
}
