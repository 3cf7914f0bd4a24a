// Boots the real AppModule for e2e tests with its own config (no process.env): the app's variables
// go through the same zod schema as main.ts, the AI ones to AiModule, with no retries. Default
// store: SQL on PGlite in memory. The same configureApp() as main.ts (body limits, /docs).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG } from '@repo/nest';
import { createNestTestApp } from '@repo/nest/testing';
import { parseAppConfig } from '../src/app-config.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';

export function createTestApp(env: Record<string, string> = {}): Promise<NestExpressApplication> {
  return createNestTestApp({
    module: AppModule,
    configure: configureApp,
    overrides: [[APP_CONFIG, parseAppConfig({ DATABASE_URL: 'memory://', ...env })]],
  });
}

/** The embedded model's default reply to `text` (no fact to recall in it). */
export function echoText(text: string): string {
  return `[local-llm] This is the offline local model. You said: "${text}"`;
}
