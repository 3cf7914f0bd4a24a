// Boots the real AppModule for e2e tests with its own env (no process.env) and no retries, so a
// provider fault is answered at once; the same configureApp() as main.ts (body limit, /docs).
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AiModuleOptions } from '@repo/nest';
import { createNestTestApp, modelRegistryOf } from '@repo/nest/testing';
import type { ModelRegistry } from '@repo/providers';
export { bufferText, parseSse } from '@repo/nest/testing';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';

export async function createTestApp(
  env: Record<string, string> = {},
  options: AiModuleOptions = {},
): Promise<{ app: NestExpressApplication; registry: ModelRegistry }> {
  const app = await createNestTestApp({
    module: AppModule,
    configure: configureApp,
    ai: { env, ...options },
  });
  return { app, registry: modelRegistryOf(app) };
}

/** The deltas of the embedded model's default reply to `text`, word by word. */
export function echoText(text: string): string {
  return `[local-llm] This is the offline local model. You said: "${text}"`;
}
