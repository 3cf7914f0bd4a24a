// What main.ts and the e2e tests both apply to the app: @repo/nest's app shell (security headers,
// API_TOKEN beyond loopback, request admission with 429 + Retry-After, 415 for a body that is not
// JSON or a form, the body limit with 413 beyond, Swagger UI at /docs).
import { defineConfigureApp } from '@repo/nest';

export const JSON_BODY_LIMIT = '1mb';

export const configureApp = defineConfigureApp({
  title: 'chat-memory-demo',
  description:
    'Port of spring-ai-chat-memory: conversations remembered in PGlite, PostgreSQL or Redis',
  jsonLimit: JSON_BODY_LIMIT,
  urlencoded: true,
});
