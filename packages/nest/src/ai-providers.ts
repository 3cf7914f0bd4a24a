// The providers AiModule registers: config → registry → clients and embedder. Only validation and
// the registry (a few env lookups) run at boot; models are built on first use (lazy-models.ts).
import { Logger, type Provider } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { createChatClient, createChatClients, type ChatClientDefaults } from '@repo/chat';
import { createModelRegistry, type ModelRegistry } from '@repo/providers';
import { parseAiConfig, type AiConfig } from './ai-config.js';
import { AiHealthIndicator } from './ai-health-indicator.js';
import type { AiModuleOptions } from './ai-module-options.js';
import {
  AI_CHAT_CLIENT,
  AI_CHAT_CLIENTS,
  AI_CONFIG,
  AI_EMBEDDING_MODEL,
  AI_MODEL_REGISTRY,
  AI_MODULE_OPTIONS,
  AI_TOKEN_USAGE,
} from './ai-tokens.js';
import { lazyChatModel, lazyEmbeddingModel } from './lazy-models.js';
import { createObservableTokenUsage, type ObservableTokenUsage } from './observable-token-usage.js';

export const LOCAL_MODEL_NOTICE =
  'No provider key set: using the embedded local model (local-llm). Set DEEPSEEK_API_KEY (or another provider key, see .env.example) to use a hosted model.';

/** The one boot line: which model answers, and with no key, how to switch. */
export function describeModelChoice(registry: ModelRegistry): string {
  const described = registry.describe();
  if (registry.defaultProvider === 'local' && registry.configuredProviders.length === 1)
    return LOCAL_MODEL_NOTICE;
  return `Chat model: ${described.defaultProvider} (${described.defaultModel ?? 'default'}); embeddings: ${described.defaultEmbeddingProvider} (${described.defaultEmbeddingModel ?? 'default'}); configured providers: ${registry.configuredProviders.join(', ')}.`;
}

function clientDefaults(options: AiModuleOptions, usage: ObservableTokenUsage): ChatClientDefaults {
  return { ...options.chat, advisors: [usage, ...(options.chat?.advisors ?? [])] };
}

export const aiProviders: Provider[] = [
  {
    provide: AI_CONFIG,
    useFactory: (options: AiModuleOptions) => parseAiConfig(options.env ?? process.env),
    inject: [AI_MODULE_OPTIONS],
  },
  {
    provide: AI_MODEL_REGISTRY,
    useFactory: (config: AiConfig, options: AiModuleOptions) => {
      const registry = createModelRegistry(config.env, {
        ...config.registry,
        ...options.registry,
      });
      const logger = options.logger ?? new Logger('AiModule');
      if (logger) logger.log(describeModelChoice(registry));
      return registry;
    },
    inject: [AI_CONFIG, AI_MODULE_OPTIONS],
  },
  { provide: AI_TOKEN_USAGE, useFactory: createObservableTokenUsage },
  {
    provide: AI_CHAT_CLIENT,
    useFactory: (registry: ModelRegistry, usage: ObservableTokenUsage, options: AiModuleOptions) =>
      createChatClient(
        lazyChatModel(() => registry.chat()),
        clientDefaults(options, usage),
      ),
    inject: [AI_MODEL_REGISTRY, AI_TOKEN_USAGE, AI_MODULE_OPTIONS],
  },
  {
    provide: AI_CHAT_CLIENTS,
    useFactory: (registry: ModelRegistry, usage: ObservableTokenUsage, options: AiModuleOptions) =>
      createChatClients(registry, clientDefaults(options, usage)),
    inject: [AI_MODEL_REGISTRY, AI_TOKEN_USAGE, AI_MODULE_OPTIONS],
  },
  {
    provide: AI_EMBEDDING_MODEL,
    useFactory: (registry: ModelRegistry) => lazyEmbeddingModel(() => registry.embedding()),
    inject: [AI_MODEL_REGISTRY],
  },
  HealthIndicatorService,
  AiHealthIndicator,
];

export const aiExports = [
  AI_CONFIG,
  AI_MODEL_REGISTRY,
  AI_TOKEN_USAGE,
  AI_CHAT_CLIENT,
  AI_CHAT_CLIENTS,
  AI_EMBEDDING_MODEL,
  AiHealthIndicator,
];
