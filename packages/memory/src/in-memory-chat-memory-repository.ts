// Chat memory in process memory (Spring AI's InMemoryChatMemoryRepository): for tests and demos;
// lost on restart. Parts are kept as their JSON text, so a loaded message is a fresh copy with the
// same fidelity as the SQL and Redis stores.
import type { RepositoryOptions } from './chat-memory-repository.js';
import type { ChatMemoryRepository, ConversationSummary } from './chat-memory-repository.js';
import { defineRepository, toStoredMessage } from './define-repository.js';
import type { MessageStore } from './define-repository.js';

interface Row {
  role: string;
  partsJson: string;
  createdAt: Date;
}

export function createInMemoryChatMemoryRepository(
  options: RepositoryOptions = {},
): ChatMemoryRepository {
  const conversations = new Map<string, { rows: Row[]; updatedAt: Date }>();

  const store: MessageStore = {
    async append(conversationId, batch) {
      const createdAt = new Date();
      let conversation = conversations.get(conversationId);
      if (!conversation) {
        conversation = { rows: [], updatedAt: createdAt };
        conversations.set(conversationId, conversation);
      }
      conversation.updatedAt = createdAt;
      const start = conversation.rows.length;
      for (const { message, partsJson } of batch)
        conversation.rows.push({ role: message.role, partsJson, createdAt });
      return batch.map(({ message, partsJson }, i) =>
        toStoredMessage(message.role, JSON.parse(partsJson), start + i + 1, createdAt),
      );
    },
    async load(conversationId, { last, roles }) {
      const rows = conversations.get(conversationId)?.rows ?? [];
      // Walk back from the end so a window load costs the window, not the conversation.
      const selected: Array<{ row: Row; ordinal: number }> = [];
      for (let i = rows.length - 1; i >= 0 && (last === undefined || selected.length < last); i--) {
        const row = rows[i] as Row;
        if (!roles || roles.includes(row.role as never)) selected.push({ row, ordinal: i + 1 });
      }
      return selected
        .reverse()
        .map(({ row, ordinal }) =>
          toStoredMessage(row.role, JSON.parse(row.partsJson), ordinal, row.createdAt),
        );
    },
    async list() {
      const summaries: ConversationSummary[] = [...conversations].map(([id, c]) => ({
        id,
        messageCount: c.rows.length,
        updatedAt: c.updatedAt,
      }));
      return summaries.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    },
    delete: async (conversationId) => conversations.delete(conversationId),
    exists: async (conversationId) => conversations.has(conversationId),
    close: async () => {},
  };
  return defineRepository(store, options);
}
