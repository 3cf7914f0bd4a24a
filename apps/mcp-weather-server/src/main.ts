// Starts the weather MCP server's HTTP side on PORT (3003) and HOST (127.0.0.1), after loading the
// app's .env and validating its config. The stdio side is src/stdio.ts: no Nest there.
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startNestApp } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

startNestApp<NestExpressApplication>({
  name: 'mcp-weather-server',
  module: AppModule,
  envFile: new URL('../.env', import.meta.url),
  config: parseAppConfig,
  configure: configureApp,
});
