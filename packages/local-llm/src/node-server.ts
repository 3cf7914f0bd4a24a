// startLocalLlmServer: serves the handler on a port through @hono/node-server. Its adaptor aborts
// `request.signal` when the client disconnects before the response is finished (verified by
// node-server.test.ts), which is what marks recorded requests as aborted.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpBindings } from '@hono/node-server';
import { onConnectionCut } from './exchange.js';
import { createLocalLlm } from './local-llm.js';
import type { LocalLlmOptions, LocalLlmServer } from './types.js';

export interface LocalLlmServerOptions extends LocalLlmOptions {
  /** Default 3100; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the control API must not be reachable from the network by accident. */
  host?: string;
}

export async function startLocalLlmServer(
  options: LocalLlmServerOptions = {},
): Promise<LocalLlmServer> {
  const { port = 3100, host = '127.0.0.1', ...llmOptions } = options;
  const llm = createLocalLlm({ ...llmOptions, control: llmOptions.control ?? false });
  // Loaded here, not at import: in-process users (every app on the embedded model) never need it.
  const { createAdaptorServer } = await import('@hono/node-server');
  // The default createServer is node:http, so the adaptor returns an http.Server.
  const server = createAdaptorServer({
    fetch: (request, env) => {
      // socket.end() flushes the frames already written, then closes without the last chunk.
      onConnectionCut(request, () => (env as HttpBindings).outgoing.socket?.end());
      return llm.handler(request);
    },
    hostname: host,
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${actualPort}`;
  return {
    url,
    baseURL: `${url}/v1`,
    port: actualPort,
    llm,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and open SSE connections would otherwise hold close() open.
        server.closeAllConnections();
      });
      await llm.close(); // fine-tuning jobs stop with a checkpoint, to resume at the next start
    },
  };
}
