// Boots an app's real module graph for e2e tests, the way every demo's tests do: the app's own
// providers overridden (its parsed config, never process.env), AiModule given its env (empty by
// default: the embedded model) with provider retries off so a fault is answered at once, Nest's
// logger off, and the app's own configureApp() (body limits, /docs) as main.ts applies it.
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { LocalLlm } from '@repo/local-llm';
import type { ModelRegistry } from '@repo/providers';
import type { AiModuleOptions } from '../ai-module-options.js';
import { AI_MODEL_REGISTRY, AI_MODULE_OPTIONS } from '../ai-tokens.js';

export interface NestTestAppOptions {
  /** The app's root module. */
  module: Type<unknown>;
  /** The app's configureApp (what main.ts applies before listening). */
  configure?: (app: NestExpressApplication) => NestExpressApplication;
  /** Providers to replace, e.g. `[[APP_CONFIG, parseAppConfig({ DATABASE_URL: 'memory://' })]]`. */
  overrides?: ReadonlyArray<readonly [token: unknown, value: unknown]>;
  /** Merged over `{ env: {}, registry: { retry: { maxRetries: 0 } }, logger: false }`. */
  ai?: AiModuleOptions;
}

export async function createNestTestApp(
  options: NestTestAppOptions,
): Promise<NestExpressApplication> {
  let builder = Test.createTestingModule({ imports: [options.module] });
  for (const [token, value] of options.overrides ?? [])
    builder = builder.overrideProvider(token).useValue(value);
  const moduleRef = await builder
    .overrideProvider(AI_MODULE_OPTIONS)
    .useValue({ env: {}, registry: { retry: { maxRetries: 0 } }, logger: false, ...options.ai })
    .compile();
  const created = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  const app = options.configure ? options.configure(created) : created;
  await app.init();
  return app;
}

/** The app's model registry (AiModule's), to pick models as the app does. */
export function modelRegistryOf(app: NestExpressApplication): ModelRegistry {
  return app.get<ModelRegistry>(AI_MODEL_REGISTRY);
}

/** The app's embedded model, to script replies and inject faults. */
export function localLlmOf(app: NestExpressApplication): LocalLlm {
  return modelRegistryOf(app).localLlm();
}
