// What main.ts and the e2e tests both apply to the app: @repo/nest's app shell (security headers,
// API_TOKEN beyond loopback, request admission with 429 + Retry-After, the JSON body limit with
// 413 beyond, Swagger UI at /docs). Pipes and the error filter are providers in AppModule, so
// tests get them too.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureNestApp, type ServerSettings } from '@repo/nest';

export const JSON_BODY_LIMIT = '1mb';

export function configureApp(
  app: NestExpressApplication,
  server?: Partial<ServerSettings>,
): NestExpressApplication {
  return configureNestApp(app, {
    title: 'evaluation-demo',
    description:
      'Port of spring-ai-evaluation: relevancy judging, eval suites run in the background with SSE progress, stored runs, HTML reports and run comparison',
    server,
    jsonLimit: JSON_BODY_LIMIT,
  });
}
