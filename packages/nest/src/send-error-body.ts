// Writes docs/architecture.md's error body for an error raised before Nest's router (admission control, the
// token guard): the same mapping and headers as the exception filter, on the raw response.
import type { ServerResponse } from 'node:http';
import { toHttpError } from './map-error.js';

export function sendErrorBody(
  res: ServerResponse,
  error: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const mapped = toHttpError(error);
  if (!mapped.body) {
    res.destroy();
    return;
  }
  const payload = JSON.stringify(mapped.body);
  res.statusCode = mapped.status;
  for (const [name, value] of Object.entries({ ...mapped.headers, ...extraHeaders }))
    res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  // Sent before the security-header middleware runs (admission refuses first): the one that
  // matters for a JSON answer.
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(payload);
}
