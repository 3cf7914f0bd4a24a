// What main.ts and the e2e tests both apply to the app: the Swagger UI at /docs and shutdown hooks
// (SIGTERM closes the MCP connections, so no spawned server outlives the app). Pipes and the error
// filter are providers in AppModule, so tests get them too.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveApiDocs } from '@repo/nest';

export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.disable('x-powered-by');
  // Swagger loads on the first /docs visit, not at boot.
  serveApiDocs(app, {
    title: 'mcp-client-demo',
    description:
      'Port of spring-ai-mcp/mcp-client: GET /api/chat/ai with the tools of the MCP servers in mcp.json',
  });
  app.enableShutdownHooks();
  return app;
}
