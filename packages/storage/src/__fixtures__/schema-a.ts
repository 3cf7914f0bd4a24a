// Test fixture: the schema of an imaginary package "a" (migrations-a/ is generated from it).
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const notes = pgTable('a_notes', {
  id: serial('id').primaryKey(),
  body: text('body').notNull(),
  // Added by the second migration, so package a's newest migration is newer than b's.
  rank: integer('rank').notNull().default(0),
});
