// Public API of @repo/chat: the ChatClient (Spring AI's ChatClient), its advisor chain and tool
// loop, the built-in advisors and several named clients in one app.
export { buildCallChain, buildStreamChain, mergeAdvisors } from './advisor-chain.js';
// The keys live in core (memory and rag read them too); re-exported for the client's users.
export { CHAT_CONTEXT_KEYS } from '@repo/core';
export type {
  AnyTool,
  ChatClient,
  ChatClientDefaults,
  ChatClientResponse,
  ChatClientStream,
  EntityOptions,
  EntityResult,
  PromptSpec,
  TemplateParams,
  ToolExecutionMode,
} from './chat-client-types.js';
export { StreamConsumedError, ToolLoopLimitError, UnknownChatClientError } from './chat-errors.js';
export { createChatClient } from './create-chat-client.js';
export { createChatClients } from './create-chat-clients.js';
export type { ChatClients, ChatModelSource } from './create-chat-clients.js';
export { createLoggerAdvisor } from './logger-advisor.js';
export type { LoggerAdvisorOptions } from './logger-advisor.js';
export { DEFAULT_MAX_TOOL_ITERATIONS } from './prepare-request.js';
export { redactSecrets } from './redact-secrets.js';
export { createSafeguardAdvisor, DEFAULT_SAFEGUARD_RESPONSE } from './safeguard-advisor.js';
export type { SafeguardAdvisorOptions } from './safeguard-advisor.js';
export { createTokenUsageAdvisor } from './token-usage-advisor.js';
export type {
  SeedTokenCounters,
  TokenUsageAdvisor,
  TokenUsageAdvisorOptions,
  TokenUsageEvent,
  TokenUsageTotals,
} from './token-usage-advisor.js';
