// What main.ts and the e2e tests both apply to the app: @repo/nest's app shell (security headers,
// API_TOKEN beyond loopback, request admission, Swagger UI at /docs, shutdown hooks: SIGTERM closes
// the MCP connections, so no spawned server outlives the app).
import { defineConfigureApp } from '@repo/nest';

export const configureApp = defineConfigureApp({
  title: 'mcp-client-demo',
  description:
    'Port of spring-ai-mcp/mcp-client: GET /api/chat/ai with the tools of the MCP servers in mcp.json',
  jsonLimit: false,
});
