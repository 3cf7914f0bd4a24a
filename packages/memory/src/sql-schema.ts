// The SQL tables of chat memory (drizzle, PostgreSQL and PGlite). Unlike Spring AI's
// SPRING_AI_CHAT_MEMORY (text content + type, tool calls lost), a message keeps its typed parts
// as jsonb and its ordinal; the conversation row holds the message count, which is also the lock
// that orders concurrent appends. Migrations: `npx drizzle-kit generate` into ./drizzle.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const chatConversations = pgTable(
  'chat_conversations',
  {
    id: text('id').primaryKey(),
    messageCount: integer('message_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('chat_conversations_updated_at_idx').on(table.updatedAt)],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    role: text('role').notNull(),
    parts: jsonb('parts').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('chat_messages_conversation_ordinal_key').on(table.conversationId, table.ordinal),
    // The latest system message of a conversation without scanning it.
    index('chat_messages_conversation_role_idx').on(
      table.conversationId,
      table.role,
      table.ordinal,
    ),
    check(
      'chat_messages_role_check',
      sql`${table.role} in ('system', 'user', 'assistant', 'tool')`,
    ),
  ],
);
