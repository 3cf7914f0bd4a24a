// Options of AiModule.forRoot / forRootAsync. Everything is optional: with none, the env decides
// (docs/architecture.md "Provider configuration") and no key means the embedded local model.
import type { ChatClientDefaults } from '@repo/chat';
import type { ModelRegistryOptions } from '@repo/providers';
import type { Env } from './ai-config.js';

export interface AiModuleOptions {
  /** Where the provider variables are read (default `process.env`); tests pass their own. */
  env?: Env;
  /** Merged over what AI_MAX_RETRIES / AI_TIMEOUT_MS give (e.g. `{ retry: { maxRetries: 0 } }`). */
  registry?: ModelRegistryOptions;
  /** Defaults of every chat client; `advisors` run after the token-usage advisor. */
  chat?: ChatClientDefaults;
  /** Where the one boot line goes (default: Nest's Logger, context `AiModule`); `false`: nowhere. */
  logger?: { log(message: string): void } | false;
}
