// Requests that Node's HTTP parser refuses before express sees them (a URL or headers over the
// 16 KB limit, a malformed request line, a request that took too long to arrive) get DESIGN's
// error body like every other refusal, instead of Node's bare status line.
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

const STATUS_BY_CODE: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
    const reason =
      status === 431
        ? 'the URL and headers must fit in 16 KB; send long text in a POST body'
        : status === 408
          ? 'the request did not arrive in time'
          : 'is not a valid HTTP request';
    const body = JSON.stringify({
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message: `Request refused: ${reason}.`,
      details: [{ field: 'request', reason }],
    });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
