// Starts mcp-client-demo on PORT (3004) and HOST (127.0.0.1), after loading the app's .env and
// validating its config and mcp.json (one clear message and exit 1 when either is wrong). The MCP
// servers start in the background: listening does not wait for them.
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startNestApp } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

startNestApp<NestExpressApplication>({
  name: 'mcp-client-demo',
  module: AppModule,
  envFile: new URL('../.env', import.meta.url),
  config: parseAppConfig,
  configure: configureApp,
});
