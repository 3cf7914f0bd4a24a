// What main.ts and the e2e tests both apply to the app: the JSON body limit (413 beyond) and the
// Swagger UI at /docs. Pipes and the error filter are providers in AppModule, so tests get them too.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveApiDocs } from '@repo/nest';

// MCP requests are small JSON-RPC messages; 1 MB leaves room for batches.
export const JSON_BODY_LIMIT = '1mb';

export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Swagger loads on the first /docs visit, not at boot.
  serveApiDocs(app, {
    title: 'mcp-weather-server',
    description:
      'Port of spring-ai-mcp/mcp-server-weather: getCurrentWeather over MCP Streamable HTTP at /mcp (stdio: dist/stdio.js)',
  });
  app.enableShutdownHooks();
  return app;
}
