// Chat memory in SQL through @repo/storage (Spring AI's JdbcChatMemoryRepository, without its
// delete-and-reinsert save): PGlite in memory or on disk, or PostgreSQL. An append is one
// transaction whose first statement upserts the conversation row and bumps its message count; that
// row lock makes concurrent appends to one conversation take their ordinals in turn, with no gap
// and no duplicate, while other conversations proceed in parallel.
import { fileURLToPath } from 'node:url';
import type { Database } from '@repo/storage';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ChatMemoryRepository, RepositoryOptions } from './chat-memory-repository.js';
import { defineRepository, toStoredMessage } from './define-repository.js';
import type { MessageStore } from './define-repository.js';
import { chatConversations, chatMessages } from './sql-schema.js';

/** The drizzle-kit migrations of this package (committed in packages/memory/drizzle). */
export const MEMORY_MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/** Applies this package's migrations (idempotent), then returns the repository. */
export async function createSqlChatMemoryRepository(
  database: Database,
  options: RepositoryOptions = {},
): Promise<ChatMemoryRepository> {
  await database.migrate({ packageName: 'memory', migrationsFolder: MEMORY_MIGRATIONS_FOLDER });
  const { db } = database;

  const store: MessageStore = {
    append: (conversationId, batch) =>
      database.transaction(async (tx) => {
        const [conversation] = await tx
          .insert(chatConversations)
          .values({ id: conversationId, messageCount: batch.length })
          .onConflictDoUpdate({
            target: chatConversations.id,
            set: {
              messageCount: sql`${chatConversations.messageCount} + ${batch.length}`,
              updatedAt: sql`now()`,
            },
          })
          .returning({
            messageCount: chatConversations.messageCount,
            updatedAt: chatConversations.updatedAt,
          });
        if (!conversation) throw new Error('The conversation upsert returned no row');
        const first = conversation.messageCount - batch.length + 1;
        await tx.insert(chatMessages).values(
          batch.map(({ message, partsJson }, i) => ({
            conversationId,
            ordinal: first + i,
            role: message.role,
            parts: sql`${partsJson}::jsonb`,
            createdAt: conversation.updatedAt,
          })),
        );
        return batch.map(({ message, partsJson }, i) =>
          toStoredMessage(message.role, JSON.parse(partsJson), first + i, conversation.updatedAt),
        );
      }),
    async load(conversationId, { last, roles }) {
      const byConversation = eq(chatMessages.conversationId, conversationId);
      const where = roles
        ? and(byConversation, inArray(chatMessages.role, [...roles]))
        : byConversation;
      const columns = {
        ordinal: chatMessages.ordinal,
        role: chatMessages.role,
        parts: chatMessages.parts,
        createdAt: chatMessages.createdAt,
      };
      const query = db.select(columns).from(chatMessages).where(where);
      // The last N: newest first through the (conversation_id, ordinal) index, then reversed.
      const rows =
        last === undefined
          ? await query.orderBy(asc(chatMessages.ordinal))
          : (await query.orderBy(desc(chatMessages.ordinal)).limit(last)).reverse();
      return rows.map((row) => toStoredMessage(row.role, row.parts, row.ordinal, row.createdAt));
    },
    list: () =>
      db
        .select({
          id: chatConversations.id,
          messageCount: chatConversations.messageCount,
          updatedAt: chatConversations.updatedAt,
        })
        .from(chatConversations)
        .orderBy(desc(chatConversations.updatedAt), asc(chatConversations.id)),
    async delete(conversationId) {
      const deleted = await db
        .delete(chatConversations)
        .where(eq(chatConversations.id, conversationId))
        .returning({ id: chatConversations.id });
      return deleted.length > 0;
    },
    async exists(conversationId) {
      const found = await db
        .select({ id: chatConversations.id })
        .from(chatConversations)
        .where(eq(chatConversations.id, conversationId))
        .limit(1);
      return found.length > 0;
    },
    // The database belongs to the caller, who closes it.
    close: async () => {},
  };
  return defineRepository(store, options);
}
