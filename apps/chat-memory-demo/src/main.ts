// Starts chat-memory-demo on PORT (3001) and HOST (127.0.0.1). A `.env` next to the app is loaded
// first, so `node dist/main.js` works from the app folder and from the repository root alike.
// The whole config is validated here, before Nest starts: one clear message and exit 1.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parseAppConfig } from './app-config.js';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

const envFile = fileURLToPath(new URL('../.env', import.meta.url));
if (existsSync(envFile)) process.loadEnvFile(envFile);

async function bootstrap(): Promise<void> {
  const { PORT, HOST } = parseAppConfig();
  const app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule));
  await app.listen(PORT, HOST);
  new Logger('chat-memory-demo').log(`Listening on http://${HOST}:${PORT} (API docs: /docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
