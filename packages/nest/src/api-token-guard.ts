// The bearer token in front of every route but the exempt ones (/health, /docs): with API_TOKEN
// set, a request without `Authorization: Bearer <API_TOKEN>` is a 401 before it reaches a
// controller, so it can neither spend provider keys nor write data. Compared in constant time
// (over SHA-256 digests, so the lengths match too), like the MCP server's token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AiError } from '@repo/core';
import { isExemptPath } from './request-admission.js';
import { sendErrorBody } from './send-error-body.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1] ?? ''), digest(token));
}

export function createApiTokenGuard(token: string, exempt: readonly string[]) {
  return (req: IncomingMessage & { path?: string }, res: ServerResponse, next: () => void) => {
    if (isExemptPath(req.path ?? req.url ?? '/', exempt)) return next();
    if (tokenMatches(req.headers.authorization, token)) return next();
    const reason = req.headers.authorization
      ? 'does not hold the right bearer token'
      : 'is required: send "Authorization: Bearer <API_TOKEN>"';
    sendErrorBody(
      res,
      new AiError('This app needs its API token (API_TOKEN) as a bearer token.', {
        code: 'api_token_required',
        kind: 'unauthenticated',
        details: [{ field: 'authorization', reason }],
      }),
      { 'WWW-Authenticate': 'Bearer' },
    );
  };
}
