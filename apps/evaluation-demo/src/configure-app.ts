// What main.ts and the e2e tests both apply to the app: the JSON body limit (an inline suite is
// JSON; 413 beyond) and the Swagger UI at /docs. Pipes and the error filter are providers in
// AppModule, so tests get them too.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveApiDocs } from '@repo/nest';

export const JSON_BODY_LIMIT = '1mb';

export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Swagger loads on the first /docs visit, not at boot.
  serveApiDocs(app, {
    title: 'evaluation-demo',
    description:
      'Port of spring-ai-evaluation: relevancy judging, eval suites run in the background with SSE progress, stored runs, HTML reports and run comparison',
  });
  app.enableShutdownHooks();
  return app;
}
