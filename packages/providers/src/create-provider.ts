// A provider from its preset: `createProvider('deepseek').chat()` (vercel/ai's `createGroq`). The
// preset gives base URL, default models and quirks; options and `<P>_*` variables override them.
import type { EmbeddingModel } from '@repo/core';
import { createLocalLlm, type LocalLlm } from '@repo/local-llm';
import {
  createOpenAICompatibleChatModel,
  type OpenAICompatibleChatModel,
} from './openai-compatible-chat-model.js';
import { createOpenAICompatibleEmbeddingModel } from './openai-compatible-embedding-model.js';
import {
  isProviderName,
  PROVIDER_NAMES,
  PROVIDER_PRESETS,
  type ProviderName,
  type ProviderPreset,
} from './presets.js';
import {
  ProviderNotConfiguredError,
  UnknownProviderError,
  UnsupportedCapabilityError,
} from './providers-errors.js';
import { providerEnvVars, readEnv } from './provider-env.js';
import { mergeQuirks, type ProviderQuirks } from './quirks.js';
import type { RetryOptions } from './retry.js';

export interface ProviderOptions {
  apiKey?: string;
  baseURL?: string;
  /** Default chat model (else `<P>_MODEL`, else the preset's). */
  model?: string;
  /** Default embedding model (else `<P>_EMBEDDING_MODEL`, else the preset's). */
  embeddingModel?: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  quirks?: Partial<ProviderQuirks>;
  retry?: RetryOptions;
  timeoutMs?: number;
  /** Where `<P>_*` variables are read (default `process.env`, read when a model is created). */
  env?: Record<string, string | undefined>;
  /** `local` only: the local-llm to talk to (default: a new instance per provider). */
  localLlm?: LocalLlm;
}

export interface Provider {
  readonly name: ProviderName;
  readonly preset: ProviderPreset;
  /** `local` only: the embedded model instance, for scripting replies and faults. */
  readonly localLlm: LocalLlm | undefined;
  chat(modelId?: string): OpenAICompatibleChatModel;
  embedding(modelId?: string): EmbeddingModel;
}

export function createProvider(name: string, options: ProviderOptions = {}): Provider {
  if (!isProviderName(name)) throw new UnknownProviderError(name, PROVIDER_NAMES);
  const preset = PROVIDER_PRESETS[name];
  const vars = providerEnvVars(name);
  const localLlm = name === 'local' ? (options.localLlm ?? createLocalLlm()) : undefined;
  const envValue = (key: string) => readEnv(options.env ?? process.env, key);
  const connection = () => ({
    provider: name,
    label: preset.label,
    apiKey: options.apiKey,
    apiKeyEnvVar: vars.apiKey,
    requireApiKey: preset.apiKey === 'required',
    env: options.env,
    baseURL: localLlm?.baseURL ?? options.baseURL ?? envValue(vars.baseURL) ?? preset.baseURL,
    fetch: options.fetch ?? localLlm?.fetch,
    headers: options.headers,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
  });

  return {
    name,
    preset,
    localLlm,
    chat(modelId) {
      const model = modelId ?? options.model ?? envValue(vars.model) ?? preset.defaultChatModel;
      if (!model)
        throw new ProviderNotConfiguredError(name, [vars.model], 'it has no default chat model');
      return createOpenAICompatibleChatModel({
        ...connection(),
        model,
        quirks: mergeQuirks(preset.quirks, options.quirks),
      });
    },
    embedding(modelId) {
      if (!preset.hasEmbeddings)
        throw new UnsupportedCapabilityError(
          name,
          'embeddings',
          `${preset.label} has no embeddings endpoint; pick another EMBEDDING_PROVIDER (e.g. qwen, zhipu, openai, ollama or local).`,
        );
      const explicit = modelId ?? options.embeddingModel ?? envValue(vars.embeddingModel);
      const model = explicit ?? preset.defaultEmbeddingModel;
      if (!model)
        throw new ProviderNotConfiguredError(
          name,
          [vars.embeddingModel],
          'it has no default embedding model',
        );
      return createOpenAICompatibleEmbeddingModel({
        ...connection(),
        model,
        // The preset's size is only known for its own default model.
        knownDimensions: explicit === undefined ? preset.embeddingDimensions : undefined,
        maxBatchSize: preset.maxEmbeddingBatchSize,
        encodingFormat: mergeQuirks(preset.quirks, options.quirks).embeddingEncoding,
      });
    },
  };
}
