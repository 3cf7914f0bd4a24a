// Named models from the environment, the way docs/architecture.md "Provider configuration" describes it:
// several providers in one app with zero ceremony (`chat('deepseek')`, `chat('qwen:qwen-max')`),
// a default that falls back to the embedded local-llm, and boot-time errors that name the variable
// to set (docs/pain-points.md P1: Spring AI fails at boot as soon as two providers are on the classpath).
import { InvalidInputError, type EmbeddingModel } from '@repo/core';
import type { LocalLlm } from '@repo/local-llm';
import { createProvider, type Provider, type ProviderOptions } from './create-provider.js';
import type { OpenAICompatibleChatModel } from './openai-compatible-chat-model.js';
import { describeRegistry, type RegistryDescription } from './describe-registry.js';
import {
  CONFIGURABLE_PROVIDER_NAMES,
  isProviderName,
  PROVIDER_NAMES,
  PROVIDER_PRESETS,
  type ProviderName,
} from './presets.js';
import { missingProviderVariables, providerEnvVars, readEnv, type Env } from './provider-env.js';
import {
  ProviderNotConfiguredError,
  UnknownProviderError,
  UnsupportedCapabilityError,
} from './providers-errors.js';

export type ModelRegistryOptions = Omit<
  ProviderOptions,
  'env' | 'apiKey' | 'baseURL' | 'model' | 'embeddingModel'
>;

export interface ModelRegistry {
  readonly defaultProvider: ProviderName;
  readonly defaultEmbeddingProvider: ProviderName;
  /** Configured providers in registry order; `local` (always available) last. */
  readonly configuredProviders: readonly ProviderName[];
  /**
   * No name: the default. A provider name (`deepseek`), `provider:model` (`ollama:qwen3:8b`) or an
   * alias (`alias()`).
   */
  chat(name?: string): OpenAICompatibleChatModel;
  /**
   * Names a chat model: from now on `chat(name)` answers with `target` (`provider:model`, e.g. a
   * fine-tuned `local:ft:tiny-gpt:local:faq:ftjob-1`). Naming it again moves it to the new target.
   */
  alias(name: string, target: string): void;
  /** Every alias and its target. */
  aliases(): Record<string, string>;
  embedding(name?: string): EmbeddingModel;
  provider(name: string): Provider;
  /** The embedded model behind `local` (created on first use), to script replies and faults. */
  localLlm(): LocalLlm;
  describe(): RegistryDescription;
}

export function createModelRegistry(
  env: Env = process.env,
  options: ModelRegistryOptions = {},
): ModelRegistry {
  const configured: ProviderName[] = [
    ...CONFIGURABLE_PROVIDER_NAMES.filter(
      (name) => missingProviderVariables(name, env).length === 0,
    ),
    'local',
  ];
  const requireConfigured = (name: string, field: string): ProviderName => {
    if (!isProviderName(name)) throw new UnknownProviderError(name, PROVIDER_NAMES, field);
    const missing = missingProviderVariables(name, env);
    if (missing.length > 0) throw new ProviderNotConfiguredError(name, missing);
    return name;
  };

  const aiProvider = readEnv(env, 'AI_PROVIDER');
  const defaultProvider = aiProvider
    ? requireConfigured(aiProvider, 'AI_PROVIDER')
    : configured[0]!;
  const embeddingProviderName = readEnv(env, 'EMBEDDING_PROVIDER');
  let defaultEmbeddingProvider: ProviderName;
  if (embeddingProviderName) {
    defaultEmbeddingProvider = requireConfigured(embeddingProviderName, 'EMBEDDING_PROVIDER');
    if (!PROVIDER_PRESETS[defaultEmbeddingProvider].hasEmbeddings)
      throw new UnsupportedCapabilityError(
        defaultEmbeddingProvider,
        'embeddings',
        `EMBEDDING_PROVIDER=${defaultEmbeddingProvider}, but ${PROVIDER_PRESETS[defaultEmbeddingProvider].label} has no embeddings endpoint.`,
      );
  } else {
    defaultEmbeddingProvider = configured.find((name) => hasEmbeddingModel(name, env)) ?? 'local';
  }

  const providers = new Map<ProviderName, Provider>();
  const providerFor = (name: ProviderName): Provider => {
    let provider = providers.get(name);
    if (!provider) {
      provider = createProvider(name, { ...options, env });
      providers.set(name, provider);
    }
    return provider;
  };
  const chatModels = new Map<string, OpenAICompatibleChatModel>();
  const embeddingModels = new Map<string, EmbeddingModel>();

  const aliases = new Map<string, string>();
  const parse = (name: string | undefined, fallback: ProviderName, defaultModelVar: string) => {
    if (name === undefined) return { provider: fallback, model: readEnv(env, defaultModelVar) };
    name = aliases.get(name) ?? name;
    const colon = name.indexOf(':');
    const providerName = colon === -1 ? name : name.slice(0, colon);
    const model = colon === -1 ? undefined : name.slice(colon + 1) || undefined;
    return { provider: requireConfigured(providerName, 'provider'), model };
  };

  return {
    defaultProvider,
    defaultEmbeddingProvider,
    configuredProviders: configured,
    chat(name) {
      const { provider, model } = parse(name, defaultProvider, 'AI_MODEL');
      const key = `${provider}:${model ?? ''}`;
      let chatModel = chatModels.get(key);
      if (!chatModel) {
        chatModel = providerFor(provider).chat(model);
        chatModels.set(key, chatModel);
      }
      return chatModel;
    },
    alias(name, target) {
      checkAlias(name);
      parse(target, defaultProvider, 'AI_MODEL'); // an unknown or unconfigured provider fails now
      if (aliases.has(target)) throw aliasError('target', `"${target}" is itself an alias`);
      aliases.set(name, target);
    },
    aliases: () => Object.fromEntries(aliases),
    embedding(name) {
      const { provider, model } = parse(name, defaultEmbeddingProvider, 'EMBEDDING_MODEL');
      const key = `${provider}:${model ?? ''}`;
      let embeddingModel = embeddingModels.get(key);
      if (!embeddingModel) {
        embeddingModel = providerFor(provider).embedding(model);
        embeddingModels.set(key, embeddingModel);
      }
      return embeddingModel;
    },
    provider: (name) => providerFor(requireConfigured(name, 'provider')),
    localLlm: () => providerFor('local').localLlm!,
    describe: () => describeRegistry(env, configured, defaultProvider, defaultEmbeddingProvider),
  };
}

// An alias is a plain name: one with a colon would read as `provider:model`, and a provider's own
// name would hide that provider.
function checkAlias(name: string): void {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u.test(name))
    throw aliasError(
      'alias',
      'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  if (isProviderName(name)) throw aliasError('alias', `"${name}" is a provider's name`);
}

function aliasError(field: string, reason: string): InvalidInputError {
  return new InvalidInputError(`Invalid model alias: ${field} ${reason}.`, [{ field, reason }]);
}

function hasEmbeddingModel(name: ProviderName, env: Env): boolean {
  const preset = PROVIDER_PRESETS[name];
  if (!preset.hasEmbeddings) return false;
  // Doubao has embeddings only once an embedding endpoint id is configured.
  return (
    preset.defaultEmbeddingModel !== undefined ||
    readEnv(env, providerEnvVars(name).embeddingModel) !== undefined
  );
}
