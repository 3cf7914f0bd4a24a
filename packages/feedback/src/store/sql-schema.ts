// The SQL tables of feedback (drizzle, PostgreSQL and PGlite). Feedback rows are never updated:
// which answer is current is read from the rows themselves (no later row with the same
// supersession key), so history is complete and two writers never race on a flag. Keys that can
// be long (a ranking's candidate list) are stored as SHA-256 hashes to keep indexes small.
// Migrations: `npx drizzle-kit generate --config drizzle.config.ts` into ./drizzle.
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

export const feedbackTargets = pgTable(
  'feedback_targets',
  {
    responseId: text('response_id').primaryKey(),
    prompt: jsonb('prompt').notNull(),
    promptHash: text('prompt_hash').notNull(),
    answer: text('answer').notNull(),
    model: text('model').notNull(),
    provider: text('provider'),
    parameters: jsonb('parameters').notNull(),
    // Tells a retry (same body) from a clash (same id, other body).
    bodyHash: text('body_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('feedback_targets_prompt_hash_idx').on(table.promptHash)],
);

export const feedback = pgTable(
  'feedback',
  {
    sequence: bigint('sequence', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: text('id').notNull(),
    bodyHash: text('body_hash').notNull(),
    kind: text('kind').notNull(),
    itemHash: text('item_hash').notNull(),
    // Annotator + item + task: a later row with the same key supersedes this one.
    supersessionKey: text('supersession_key').notNull(),
    promptHash: text('prompt_hash').notNull(),
    responseIds: text('response_ids').array().notNull(),
    // The kind's own fields (value and reasons, scores and scale, shown order and choice, …).
    value: jsonb('value').notNull(),
    annotatorId: text('annotator_id').notNull(),
    annotatorKind: text('annotator_kind').notNull(),
    rubricVersion: text('rubric_version'),
    timeSpentMs: integer('time_spent_ms'),
    status: text('status').notNull(),
    taskId: text('task_id'),
    campaignId: text('campaign_id'),
    metadata: jsonb('metadata'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('feedback_id_key').on(table.id),
    index('feedback_supersession_idx').on(table.supersessionKey, table.sequence),
    index('feedback_kind_sequence_idx').on(table.kind, table.sequence),
    // Exports read one kind grouped by item, or (ratings) by prompt.
    index('feedback_kind_item_idx').on(table.kind, table.itemHash, table.sequence),
    index('feedback_kind_prompt_idx').on(table.kind, table.promptHash, table.sequence),
    index('feedback_annotator_idx').on(table.annotatorId, table.sequence),
    index('feedback_task_idx').on(table.taskId, table.sequence),
    index('feedback_campaign_idx').on(table.campaignId, table.sequence),
    index('feedback_response_ids_idx').using('gin', table.responseIds),
    check(
      'feedback_kind_check',
      sql`${table.kind} in ('thumbs', 'rating', 'pairwise', 'ranking', 'correction')`,
    ),
    check('feedback_status_check', sql`${table.status} in ('draft', 'submitted', 'discarded')`),
    check(
      'feedback_annotator_kind_check',
      sql`${table.annotatorKind} in ('end_user', 'expert', 'crowd', 'model')`,
    ),
  ],
);
