// Boots the real AppModule for e2e tests with its own config (no process.env): the app's variables
// go through the same zod schema as main.ts (clock frozen, so dates are exact), the AI ones to
// AiModule, with no retries. The same configureApp() as main.ts (body limit, /docs).
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { LocalLlm } from '@repo/local-llm';
import { APP_CONFIG } from '@repo/nest';
import { createNestTestApp, localLlmOf } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';

export { bufferText, parseSse } from '@repo/nest/testing';

export const FIXED_TIME = '2025-06-01T12:00:00Z';

/** The weather tool's bundled answer for Paris. */
export const PARIS_WEATHER = {
  city: 'Paris',
  temperature: 21,
  unit: 'C',
  condition: 'Sunny',
  humidity: 50,
  windKph: 10,
};

export interface TestApp {
  app: NestExpressApplication;
  llm: LocalLlm;
  post(path: string, body: unknown): request.Test;
  /** The JSON bodies local-llm received, in order. */
  sent(): Array<Record<string, unknown>>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const app = await createNestTestApp({
    module: AppModule,
    configure: configureApp,
    overrides: [[APP_CONFIG, parseAppConfig({ TOOLS_FIXED_TIME: FIXED_TIME, ...env })]],
  });
  const llm = localLlmOf(app);
  return {
    app,
    llm,
    post: (path, body) =>
      request(app.getHttpServer())
        .post(path)
        .send(body as object),
    sent: () => llm.requests().map((recorded) => recorded.body as Record<string, unknown>),
  };
}

/**
 * One app for a test file: booted before its tests, local-llm reset (script, faults, recorded
 * requests) before each test, closed after. Fields are filled once `beforeAll` has run.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const handle = {} as TestApp;
  beforeAll(async () => {
    Object.assign(handle, await createTestApp(env));
  });
  beforeEach(() => handle.llm.reset());
  afterAll(async () => {
    await handle.app.close();
  });
  return handle;
}

/** The names of the tools offered in one request local-llm received. */
export function offeredTools(body: Record<string, unknown> | undefined): string[] {
  const tools = (body?.tools ?? []) as Array<{ function: { name: string } }>;
  return tools.map((tool) => tool.function.name);
}
