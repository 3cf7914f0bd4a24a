export { createProvider } from './create-provider.js';
export type { Provider, ProviderOptions } from './create-provider.js';
export { createFallbackChatModel, shouldFallbackByDefault } from './fallback-chat-model.js';
export type { FallbackOptions } from './fallback-chat-model.js';
export type { ProviderDescription, RegistryDescription } from './describe-registry.js';
export { createModelRegistry } from './model-registry.js';
export type { ModelRegistry, ModelRegistryOptions } from './model-registry.js';
export { createOpenAICompatibleChatModel } from './openai-compatible-chat-model.js';
export type {
  OpenAICompatibleChatModel,
  OpenAICompatibleChatModelOptions,
} from './openai-compatible-chat-model.js';
export { createOpenAICompatibleEmbeddingModel } from './openai-compatible-embedding-model.js';
export type { OpenAICompatibleEmbeddingModelOptions } from './openai-compatible-embedding-model.js';
export type { ConnectionOptions } from './openai-client.js';
export {
  CONFIGURABLE_PROVIDER_NAMES,
  isProviderName,
  PROVIDER_NAMES,
  PROVIDER_PRESETS,
} from './presets.js';
export type { ProviderName, ProviderPreset } from './presets.js';
export { missingProviderVariables, PROVIDER_ENV_VARS, providerEnvVars } from './provider-env.js';
export type { ProviderEnvVars } from './provider-env.js';
export {
  ProviderNotConfiguredError,
  UnknownProviderError,
  UnsupportedCapabilityError,
} from './providers-errors.js';
export { DEFAULT_QUIRKS } from './quirks.js';
export type {
  DroppableParam,
  ModelAlias,
  ParamRule,
  ProviderQuirks,
  ReasoningReplay,
  StructuredOutputMode,
  ThinkingSwitch,
} from './quirks.js';
export { parseRetryAfter } from './retry-after.js';
export { attemptsOf, retryDelayMs, withRetry } from './retry.js';
export type { RetryOptions } from './retry.js';
