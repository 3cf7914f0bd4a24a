// A web page's HTTP side, as plain middleware: a strict CSP on the page's own paths, long-lived
// caching for Vite's hashed assets (their names change with their content) and no-cache for
// everything else, and index.html for any other GET outside the API (the SPA fallback).
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

type Next = (error?: unknown) => void;

/**
 * Only this origin, for everything; no inline script or style; no frames, plugins or <base>.
 * Stricter than the app shell's helmet policy, which the page's answers replace (helmet's is
 * sent first, on every answer).
 */
export const WEB_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the page never answers: the API and the shell's own routes keep their answers and 404s. */
const NOT_THE_PAGE = ['/api', '/docs', '/health', '/metrics'];

const YEAR_S = 365 * 24 * 60 * 60;

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}

function isPagePath(path: string): boolean {
  return !NOT_THE_PAGE.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function isRead(req: IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD';
}

/** First: the page's CSP on every GET the page may answer (a static file or index.html). */
export function webPageHeaders() {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (isRead(req) && isPagePath(pathOf(req)))
      res.setHeader('Content-Security-Policy', WEB_PAGE_CSP);
    next();
  };
}

/** serve-static's `setHeaders`: hashed assets cached for a year, anything else revalidated. */
export function cacheHeaders(res: ServerResponse, file: string): void {
  const hashed = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+$/.test(file);
  res.setHeader('Cache-Control', hashed ? `public, max-age=${YEAR_S}, immutable` : 'no-cache');
}

/** Last: index.html for a GET of `/` or any path without a file extension outside the API. */
export function webPageFallback(root: string) {
  const indexFile = join(root, 'index.html');
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const path = pathOf(req);
    if (!isRead(req) || !isPagePath(path) || /\.[^/]*$/.test(path)) return next();
    readFile(indexFile).then(
      (html) => {
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('Content-Length', html.length);
        res.end(req.method === 'HEAD' ? undefined : html);
      },
      // Not built (tsc only, no `vite build`): the app's usual 404.
      () => next(),
    );
  };
}
