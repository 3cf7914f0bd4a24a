// What every repository shares, so the in-memory, SQL and Redis stores only move rows: argument
// checks, message validation (InvalidInputError / MessageTooLargeError) before anything is
// written, and the dangling tool call repair on load.
import { InvalidInputError } from '@repo/core';
import type { Message, MessageRole } from '@repo/core';
import { DEFAULT_MAX_MESSAGE_BYTES } from './chat-memory-repository.js';
import type {
  ChatMemoryRepository,
  ConversationSummary,
  LoadOptions,
  RepositoryOptions,
  StoredMessage,
} from './chat-memory-repository.js';
import { repairToolCalls } from './repair-tool-calls.js';
import { validateConversationId, validateMessages } from './validate-messages.js';
import type { ValidatedMessage } from './validate-messages.js';

export interface StoreQuery {
  last?: number;
  roles?: readonly MessageRole[];
}

/** The raw operations a backend implements; inputs are already validated. */
export interface MessageStore {
  append(conversationId: string, batch: readonly ValidatedMessage[]): Promise<StoredMessage[]>;
  load(conversationId: string, query: StoreQuery): Promise<StoredMessage[]>;
  list(): Promise<ConversationSummary[]>;
  delete(conversationId: string): Promise<boolean>;
  exists(conversationId: string): Promise<boolean>;
  close(): Promise<void>;
}

export function defineRepository(
  store: MessageStore,
  options: RepositoryOptions = {},
): ChatMemoryRepository {
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  return {
    async append(conversationId: string, messages: readonly Message[]) {
      const id = validateConversationId(conversationId);
      const batch = validateMessages(messages, maxMessageBytes);
      return batch.length === 0 ? [] : store.append(id, batch);
    },
    async load(conversationId: string, loadOptions: LoadOptions = {}) {
      const id = validateConversationId(conversationId);
      const { last, roles, repair = true } = loadOptions;
      if (last !== undefined && (!Number.isInteger(last) || last < 0))
        throw new InvalidInputError('last must be a non-negative integer', [
          { field: 'last', reason: 'must be a non-negative integer' },
        ]);
      if (last === 0 || roles?.length === 0) return [];
      const query: StoreQuery = {};
      if (last !== undefined) query.last = last;
      if (roles !== undefined) query.roles = roles;
      const rows = await store.load(id, query);
      return repair ? repairToolCalls(rows) : rows;
    },
    list: () => store.list(),
    delete: async (conversationId: string) => store.delete(validateConversationId(conversationId)),
    exists: async (conversationId: string) => store.exists(validateConversationId(conversationId)),
    close: () => store.close(),
  };
}

/** A row as a StoredMessage (shared by the stores that keep parts as JSON text). */
export function toStoredMessage(
  role: string,
  parts: unknown,
  ordinal: number,
  createdAt: Date,
): StoredMessage {
  return { role, parts, ordinal, createdAt } as StoredMessage;
}
