// What main.ts and the e2e tests both apply to the app: @repo/nest's app shell (security headers,
// API_TOKEN beyond loopback, request admission with 429 + Retry-After, the JSON body limit with
// 413 beyond, Swagger UI at /docs). Pipes and the error filter are providers in AppModule, so
// tests get them too.
// Uploads have their own limit, RAG_MAX_UPLOAD_BYTES.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureNestApp, type ServerSettings } from '@repo/nest';

export const JSON_BODY_LIMIT = '1mb';

export function configureApp(
  app: NestExpressApplication,
  server?: Partial<ServerSettings>,
): NestExpressApplication {
  return configureNestApp(app, {
    title: 'rag-demo',
    description:
      'Port of spring-ai-rag and spring-ai-vector-*: ingest, vector search, cited answers',
    server,
    jsonLimit: JSON_BODY_LIMIT,
  });
}
