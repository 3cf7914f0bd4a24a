// A tiny HTTP server answering recorded provider responses by method and path, and keeping what
// each request sent (method, path, headers, body) so tests check both sides.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureReply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FixtureServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** `routes['POST /api/v1/fine-tunes']`: one reply, or a list answered in turn (the last repeats). */
export async function startFixtureServer(
  routes: Record<string, FixtureReply | FixtureReply[]>,
): Promise<FixtureServer> {
  const received: ReceivedRequest[] = [];
  const served = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const key = `${request.method} ${request.url}`;
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const route = routes[key];
      const replies = route === undefined ? [] : Array.isArray(route) ? route : [route];
      const turn = served.get(key) ?? 0;
      served.set(key, turn + 1);
      const reply = replies[Math.min(turn, replies.length - 1)] ?? {
        status: 404,
        body: { message: `no fixture for ${key}` },
      };
      response.writeHead(reply.status ?? 200, {
        'content-type': 'application/json',
        ...reply.headers,
      });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
