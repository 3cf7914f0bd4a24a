// Injection tokens of AiModule (Spring Boot's auto-configured beans, one token each).
// Inject with `@Inject(AI_CHAT_CLIENT) chat: ChatClient`.

/** The validated `AiConfig`. */
export const AI_CONFIG = Symbol('AI_CONFIG');
/** The options given to `forRoot` / returned by `forRootAsync`'s factory. */
export { AI_MODULE_OPTIONS } from './ai-module-definition.js';
/** `ModelRegistry` from @repo/providers, built from the validated env. */
export const AI_MODEL_REGISTRY = Symbol('AI_MODEL_REGISTRY');
/** The default `ChatClient` (default provider and model, token-usage advisor installed). */
export const AI_CHAT_CLIENT = Symbol('AI_CHAT_CLIENT');
/** `ChatClients`: one client per provider name (`get('deepseek')`), same defaults. */
export const AI_CHAT_CLIENTS = Symbol('AI_CHAT_CLIENTS');
/** The default `EmbeddingModel` (EMBEDDING_PROVIDER, else the first configured, else local). */
export const AI_EMBEDDING_MODEL = Symbol('AI_EMBEDDING_MODEL');
/** The shared `ObservableTokenUsage` advisor every client carries. */
export const AI_TOKEN_USAGE = Symbol('AI_TOKEN_USAGE');
