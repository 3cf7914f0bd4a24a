// What main.ts and the e2e tests both apply to the app: @repo/nest's app shell (security headers,
// API_TOKEN beyond loopback, request admission, Swagger UI at /docs, shutdown hooks: SIGTERM closes
// the MCP connections, so no spawned server outlives the app). Pipes and the error filter are
// providers in AppModule, so tests get them too.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureNestApp, type ServerSettings } from '@repo/nest';

export function configureApp(
  app: NestExpressApplication,
  server?: Partial<ServerSettings>,
): NestExpressApplication {
  return configureNestApp(app, {
    title: 'mcp-client-demo',
    description:
      'Port of spring-ai-mcp/mcp-client: GET /api/chat/ai with the tools of the MCP servers in mcp.json',
    server,
    jsonLimit: false,
  });
}
