// The memory policy port (Spring AI's ChatMemory) and what both windows share: the latest system
// message kept outside the window, the cut at a clean boundary, and the tool call repair.
import { InvalidInputError } from '@repo/core';
import type { Message, MessageRole } from '@repo/core';
import type { ChatMemoryRepository, StoredMessage } from './chat-memory-repository.js';
import { repairToolCalls } from './repair-tool-calls.js';

/** Spring AI's `ChatMemory.CONVERSATION_ID`: the advisor context key holding the conversation id. */
export const CHAT_MEMORY_CONVERSATION_ID_KEY = 'chat_memory_conversation_id';
/** Spring AI's `ChatMemory.DEFAULT_CONVERSATION_ID`. */
export const DEFAULT_CONVERSATION_ID = 'default';

export interface ChatMemory {
  readonly repository: ChatMemoryRepository;
  /** Appends to the conversation (nothing stored is ever rewritten or evicted). */
  add(conversationId: string, messages: readonly Message[]): Promise<StoredMessage[]>;
  /** The window to send with the next request: valid for a provider as it is. */
  get(conversationId: string): Promise<StoredMessage[]>;
  /** Deletes the conversation; true when it existed. */
  clear(conversationId: string): Promise<boolean>;
}

export const HISTORY_ROLES: readonly MessageRole[] = ['user', 'assistant', 'tool'];

/**
 * Drops leading messages until the first user message, so a window never opens with tool results
 * or mid tool loop. A window holding no user message at all starts at its first non-tool message.
 */
export function startAtCleanBoundary(messages: readonly StoredMessage[]): StoredMessage[] {
  let start = messages.findIndex((message) => message.role === 'user');
  if (start < 0) start = messages.findIndex((message) => message.role !== 'tool');
  return start < 0 ? [] : messages.slice(start);
}

/** The latest system message (at most one), which windows keep and place first. */
export async function loadSystemMessage(
  repository: ChatMemoryRepository,
  conversationId: string,
): Promise<StoredMessage[]> {
  return repository.load(conversationId, { last: 1, roles: ['system'] });
}

/** Assembles a window from the system message and a suffix of the history, loaded unrepaired. */
export function assembleWindow(
  system: readonly StoredMessage[],
  suffix: readonly StoredMessage[],
): StoredMessage[] {
  return [...system, ...repairToolCalls(startAtCleanBoundary(suffix))];
}

export function memoryOver(
  repository: ChatMemoryRepository,
  get: (conversationId: string) => Promise<StoredMessage[]>,
): ChatMemory {
  return {
    repository,
    add: (conversationId, messages) => repository.append(conversationId, messages),
    get,
    clear: (conversationId) => repository.delete(conversationId),
  };
}

export function positiveInteger(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new InvalidInputError(`${field} must be a positive integer, got ${value}`, [
      { field, reason: 'must be a positive integer' },
    ]);
  return value;
}
