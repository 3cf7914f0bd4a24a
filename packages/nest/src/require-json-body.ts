// 415 for a body the app cannot read as sent. `curl -d '{"messages":…}'` without a Content-Type
// header sends `application/x-www-form-urlencoded`, which express parsed into a field named after
// the whole JSON text, so the caller read `"{"messages"…" is not an accepted field` and had no
// idea the header was the problem. Here any body but JSON (and multipart uploads, and forms where
// the app takes them) is refused before parsing, saying which header to send; a form body that is
// really JSON text is refused by the form parser's `verify` (formBodyIsJson).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AiError } from '@repo/core';
import { sendErrorBody } from './send-error-body.js';

export interface RequireJsonBodyOptions {
  /** Also accept `application/x-www-form-urlencoded` (the seed's form routes). */
  urlencoded: boolean;
  /** Path prefixes that read their own bodies (the MCP endpoint answers in JSON-RPC). */
  exempt: readonly string[];
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

export function requireJsonBody(options: RequireJsonBodyOptions) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!hasBody(req)) return next();
    const header = req.headers['content-type'];
    // The usual header as it is: nothing to split, trim, lower-case and match (every request).
    if (header === 'application/json' || isExempt(req.url ?? '', options.exempt)) return next();
    const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
    if (JSON_TYPE.test(type) || type === 'multipart/form-data') return next();
    if (options.urlencoded && type === 'application/x-www-form-urlencoded') return next();
    sendErrorBody(res, unsupportedBody(type));
  };
}

/** For the form parser's `verify`: JSON text sent as a form (curl -d without -H). */
export function formBodyIsJson(_req: unknown, _res: unknown, body: Buffer): void {
  const first = body.toString('utf8', 0, 64).trimStart()[0];
  if (first === '{' || first === '[')
    throw Object.assign(unsupportedBody('application/x-www-form-urlencoded'), {
      status: 415,
      expose: true,
    });
}

function unsupportedBody(type: string): AiError {
  const got = type ? `got ${type}` : 'no Content-Type header';
  return new AiError(
    `Send the body as JSON with the header "Content-Type: application/json" (${got}).`,
    {
      code: 'unsupported_body_type',
      kind: 'unsupported_media_type',
      details: [{ field: 'content-type', reason: 'must be application/json' }],
    },
  );
}

function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

function isExempt(url: string, prefixes: readonly string[]): boolean {
  return prefixes.some(
    (prefix) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`),
  );
}
