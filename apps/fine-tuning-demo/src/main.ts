// Starts fine-tuning-demo on PORT (3008) and HOST (127.0.0.1), after loading the app's .env and
// validating its whole config (one clear message and exit 1 when it is wrong).
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startNestApp } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

startNestApp<NestExpressApplication>({
  name: 'fine-tuning-demo',
  module: AppModule,
  envFile: new URL('../.env', import.meta.url),
  config: parseAppConfig,
  configure: configureApp,
});
