// What main.ts and the e2e tests both apply to the app: @repo/nest's app shell (security headers,
// API_TOKEN beyond loopback, request admission with 429 + Retry-After, 415 for a body that is not
// JSON, the JSON body limit with 413 beyond, Swagger UI at /docs).
// Uploads have their own limit, RAG_MAX_UPLOAD_BYTES.
import { defineConfigureApp } from '@repo/nest';

export const JSON_BODY_LIMIT = '1mb';

export const configureApp = defineConfigureApp({
  title: 'rag-demo',
  description: 'Port of spring-ai-rag and spring-ai-vector-*: ingest, vector search, cited answers',
  jsonLimit: JSON_BODY_LIMIT,
});
