// The quick start's schema; `npx drizzle-kit generate --config examples/drizzle.config.ts` wrote
// examples/migrations/ from it.
import { boolean, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const todos = pgTable('todos', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  done: boolean('done').notNull().default(false),
});
