// What main.ts and the e2e tests both apply to the app: @repo/nest's app shell (security headers,
// API_TOKEN beyond loopback, request admission, the JSON body limit, Swagger UI at /docs). /mcp
// checks its own bearer token (MCP_AUTH_TOKEN) and reads its own body.
import { defineConfigureApp } from '@repo/nest';

// MCP requests are small JSON-RPC messages; 1 MB leaves room for batches.
export const JSON_BODY_LIMIT = '1mb';

export const configureApp = defineConfigureApp({
  title: 'mcp-weather-server',
  description:
    'Port of spring-ai-mcp/mcp-server-weather: getCurrentWeather over MCP Streamable HTTP at /mcp (stdio: dist/stdio.js)',
  jsonLimit: JSON_BODY_LIMIT,
  ownAuth: ['/mcp'],
  ownBody: ['/mcp'],
});
