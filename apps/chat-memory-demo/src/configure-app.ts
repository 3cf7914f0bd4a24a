// What main.ts and the e2e tests both apply to the app: the JSON body limit (413 beyond) and the
// Swagger UI at /docs. Pipes and the error filter are providers in AppModule, so tests get them too.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const JSON_BODY_LIMIT = '1mb';

export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
  // A factory: the OpenAPI document is built on the first /docs request, not at boot.
  SwaggerModule.setup('docs', app, () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('chat-memory-demo')
        .setDescription(
          'Port of spring-ai-chat-memory: conversations remembered in PGlite, PostgreSQL or Redis',
        )
        .build(),
    ),
  );
  app.enableShutdownHooks();
  return app;
}
