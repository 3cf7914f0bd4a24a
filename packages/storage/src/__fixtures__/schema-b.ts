// Test fixture: the schema of an imaginary package "b" (migrations-b/ is generated from it).
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const items = pgTable('b_items', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  quantity: integer('quantity').notNull().default(0),
});
