// What every app applies before it listens (main.ts and the e2e tests alike), in this order:
// the error body for requests Node's parser refuses (431, 408, 400); admission control (up to
// HTTP_MAX_IN_FLIGHT at once, fewer while the event loop lags: adapt-to-loop-delay.ts;
// HTTP_MAX_QUEUED waiting; a cheap 429 + Retry-After beyond);
// security headers on every answer; the bearer token (API_TOKEN) when set; 415 for a body that
// is not JSON (require-json-body.ts); body parsers with their limits (413 beyond); Swagger UI at /docs; shutdown hooks. /health, /metrics and /docs are
// never queued; /health and /docs need no token.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { WorkQueue } from '@repo/core';
import { adaptToLoopDelay, START_LIMIT } from './adapt-to-loop-delay.js';
import { answerClientErrors } from './answer-client-errors.js';
import { createApiTokenGuard } from './api-token-guard.js';
import { serveApiDocs } from './api-docs.js';
import { createRequestAdmission } from './request-admission.js';
import { formBodyIsJson, requireJsonBody } from './require-json-body.js';
import { securityHeaders } from './security-headers.js';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from './server-config.js';

export interface AppShellOptions {
  /** For /docs. */
  title: string;
  description: string;
  /** The server settings from the app's config (default: loopback, no token, default limits). */
  server?: Partial<ServerSettings>;
  /** JSON body limit (default '1mb'); `false` keeps Nest's own parser (100 kB). */
  jsonLimit?: string | false;
  /** Also parse urlencoded forms (with the JSON limit). */
  urlencoded?: boolean;
  /** Path prefixes that handle their own auth (the MCP server's /mcp). */
  ownAuth?: readonly string[];
  /** Path prefixes that read their own bodies, of any type (the MCP server's /mcp). */
  ownBody?: readonly string[];
}

/** An app's `configureApp`: its shell options, with the server settings of its config. */
export function defineConfigureApp(options: Omit<AppShellOptions, 'server'>) {
  return (app: NestExpressApplication, server?: Partial<ServerSettings>): NestExpressApplication =>
    configureNestApp(app, { ...options, server });
}

const requestQueues = new WeakMap<object, WorkQueue>();

/** The app's request queue (running and queued counts), for health pages, benches and tests. */
export function requestQueueOf(app: object): WorkQueue | undefined {
  return requestQueues.get(app);
}

const OPEN_PATHS = ['/health', '/docs'];
const UNQUEUED_PATHS = ['/health', '/metrics', '/docs'];

export function configureNestApp(
  app: NestExpressApplication,
  options: AppShellOptions,
): NestExpressApplication {
  const server = { ...DEFAULT_SERVER_SETTINGS, ...options.server };
  app.disable('x-powered-by');
  answerClientErrors(app.getHttpServer());
  // Admission first: under overload most requests are refused, and a refusal must cost little.
  const admission = createRequestAdmission({
    maxInFlight: server.HTTP_MAX_IN_FLIGHT,
    maxQueued: server.HTTP_MAX_QUEUED,
    exempt: UNQUEUED_PATHS,
  });
  requestQueues.set(app, admission.queue);
  // Starts low (slow start) and grows while the loop keeps up: a burst of work that runs on
  // this thread does not get the whole limit before the first late tick.
  admission.queue.setConcurrency(Math.min(server.HTTP_MAX_IN_FLIGHT, START_LIMIT));
  const stopAdapting = adaptToLoopDelay(admission.queue, { max: server.HTTP_MAX_IN_FLIGHT });
  app.getHttpServer().once('close', stopAdapting);
  app.use(admission);
  app.use(securityHeaders());
  if (server.API_TOKEN)
    app.use(createApiTokenGuard(server.API_TOKEN, [...OPEN_PATHS, ...(options.ownAuth ?? [])]));
  app.use(
    requireJsonBody({ urlencoded: options.urlencoded ?? false, exempt: options.ownBody ?? [] }),
  );
  const limit = options.jsonLimit ?? '1mb';
  if (limit !== false) app.useBodyParser('json', { limit });
  if (options.urlencoded)
    app.useBodyParser('urlencoded', { limit, extended: false, verify: formBodyIsJson });
  // Swagger loads on the first /docs visit, not at boot.
  serveApiDocs(app, { title: options.title, description: options.description });
  app.enableShutdownHooks();
  return app;
}
