// Boots the real AppModule for e2e tests with its own env (never process.env), the MCP servers
// given as inline JSON, no retries, and the same configureApp() as main.ts. The app connects in the
// background as in production; `whenConnected` waits for that before a test looks at states.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { McpServerConfig } from '@repo/mcp';
import { APP_CONFIG } from '@repo/nest';
import { bufferText, createNestTestApp, modelRegistryOf } from '@repo/nest/testing';
import type { ModelRegistry } from '@repo/providers';
import request from 'supertest';
import { parseAppConfig } from '../src/app-config.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';
import { McpConnectionsService } from '../src/mcp/mcp-connections.service.js';

/** The weather server as mcp.json ships it, but on this very Node binary. */
export const WEATHER_STDIO: McpServerConfig = {
  command: process.execPath,
  args: ['../mcp-weather-server/dist/stdio.js'],
};

export interface TestApp {
  app: NestExpressApplication;
  registry: ModelRegistry;
  mcp: McpConnectionsService;
}

export async function createTestApp(
  servers: Record<string, McpServerConfig> | undefined,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const mcpConfig = servers ? { MCP_CONFIG: JSON.stringify({ mcpServers: servers }) } : {};
  const app = await createNestTestApp({
    module: AppModule,
    configure: configureApp,
    overrides: [[APP_CONFIG, parseAppConfig({ ...mcpConfig, ...env })]],
    ai: { env },
  });
  return { app, registry: modelRegistryOf(app), mcp: app.get(McpConnectionsService) };
}

/** Resolves once the background connection round has settled (tools() waits for it). */
export async function whenConnected(mcp: McpConnectionsService): Promise<void> {
  await mcp.tools();
}

/** The messages of every request the embedded model received. */
export function sentMessages(registry: ModelRegistry): unknown[][] {
  return registry
    .localLlm()
    .requests()
    .map((request) => (request.body as { messages: unknown[] }).messages);
}

/** GET /api/chat/ai/stream with `userInput`, the whole SSE body as text. */
export function askStream(app: NestExpressApplication, userInput: string) {
  return request(app.getHttpServer())
    .get('/api/chat/ai/stream')
    .query({ userInput })
    .buffer(true)
    .parse(bufferText);
}
