// Public API of @repo/memory: chat memory (Spring AI's ChatMemory, ChatMemoryRepository and the
// memory advisors), append-only with full part fidelity over in-memory, SQL and Redis storage.
export { CHAT_MEMORY_CONVERSATION_ID_KEY, DEFAULT_CONVERSATION_ID } from './chat-memory.js';
export type { ChatMemory } from './chat-memory.js';
export { DEFAULT_MAX_MESSAGE_BYTES } from './chat-memory-repository.js';
export type {
  ChatMemoryRepository,
  ConversationSummary,
  LoadOptions,
  RepositoryOptions,
  StoredMessage,
} from './chat-memory-repository.js';
export { estimateTokens } from './count-tokens.js';
export { createInMemoryChatMemoryRepository } from './in-memory-chat-memory-repository.js';
export { DEFAULT_CHAT_MEMORY_ORDER } from './memory-advisor-support.js';
export type { MemoryAdvisorOptions } from './memory-advisor-support.js';
export { MessageTooLargeError } from './memory-errors.js';
export { messageSizeBytes } from './validate-messages.js';
export { createMessageChatMemoryAdvisor } from './message-memory-advisor.js';
export type { MessageChatMemoryAdvisorOptions } from './message-memory-advisor.js';
export {
  createMessageWindowChatMemory,
  DEFAULT_MAX_MESSAGES,
} from './message-window-chat-memory.js';
export type { MessageWindowChatMemoryOptions } from './message-window-chat-memory.js';
export {
  createPromptChatMemoryAdvisor,
  DEFAULT_PROMPT_MEMORY_TEMPLATE,
} from './prompt-memory-advisor.js';
export type { PromptChatMemoryAdvisorOptions } from './prompt-memory-advisor.js';
export {
  createRedisChatMemoryRepository,
  DEFAULT_REDIS_KEY_PREFIX,
} from './redis-chat-memory-repository.js';
export type { RedisChatMemoryRepositoryOptions } from './redis-chat-memory-repository.js';
export { repairToolCalls } from './repair-tool-calls.js';
export {
  createSqlChatMemoryRepository,
  MEMORY_MIGRATIONS_FOLDER,
} from './sql-chat-memory-repository.js';
export { chatConversations, chatMessages } from './sql-schema.js';
export { createTokenWindowChatMemory } from './token-window-chat-memory.js';
export type { TokenWindowChatMemoryOptions } from './token-window-chat-memory.js';
