// Boots the real AppModule for e2e tests with its own env (no process.env) and no retries, so a
// provider fault is answered at once; the same configureApp() as main.ts (body limit, /docs).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AI_MODEL_REGISTRY, AI_MODULE_OPTIONS, type AiModuleOptions } from '@repo/nest';
import type { ModelRegistry } from '@repo/providers';
export { bufferText, parseSse } from '@repo/nest/testing';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';

export async function createTestApp(
  env: Record<string, string> = {},
  options: AiModuleOptions = {},
): Promise<{ app: NestExpressApplication; registry: ModelRegistry }> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AI_MODULE_OPTIONS)
    .useValue({ env, registry: { retry: { maxRetries: 0 } }, logger: false, ...options })
    .compile();
  const app = configureApp(
    moduleRef.createNestApplication<NestExpressApplication>({ logger: false }),
  );
  await app.init();
  return { app, registry: app.get(AI_MODEL_REGISTRY) };
}

/** The deltas of the embedded model's default reply to `text`, word by word. */
export function echoText(text: string): string {
  return `[local-llm] This is the offline local model. You said: "${text}"`;
}
