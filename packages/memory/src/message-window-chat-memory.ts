// Spring AI's MessageWindowChatMemory: the last N messages of a conversation (default 20). The
// window is applied when reading, never by deleting: the conversation stays whole in storage.
// Rules: the latest system message is kept and placed first, outside the count (Spring keeps
// system messages when it evicts); the window starts at a user message, so it never opens between
// a tool call and its results; dangling tool calls are repaired. A window can therefore hold
// fewer than N messages.
import type { ChatMemory } from './chat-memory.js';
import {
  assembleWindow,
  HISTORY_ROLES,
  loadSystemMessage,
  memoryOver,
  positiveInteger,
} from './chat-memory.js';
import type { ChatMemoryRepository } from './chat-memory-repository.js';

export const DEFAULT_MAX_MESSAGES = 20;

export interface MessageWindowChatMemoryOptions {
  repository: ChatMemoryRepository;
  /** Messages in the window, system message excluded. Default 20. */
  maxMessages?: number;
}

export function createMessageWindowChatMemory(options: MessageWindowChatMemoryOptions): ChatMemory {
  const { repository } = options;
  const maxMessages = positiveInteger(options.maxMessages ?? DEFAULT_MAX_MESSAGES, 'maxMessages');
  return memoryOver(repository, async (conversationId) => {
    const [system, history] = await Promise.all([
      loadSystemMessage(repository, conversationId),
      repository.load(conversationId, { last: maxMessages, roles: HISTORY_ROLES, repair: false }),
    ]);
    return assembleWindow(system, history);
  });
}
