// The SQL tables of campaigns. Unlike feedback these rows change: a candidate gets its response
// once generated, a task its two responses. Assignments are how overlap is enforced without locks:
// a task's k slots are unique (task, slot) rows and one annotator holds at most one (task,
// annotator) row, so of two annotators racing for the last slot exactly one insert succeeds.
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const feedbackCampaigns = pgTable('feedback_campaigns', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  models: jsonb('models').$type<string[]>().notNull(),
  overlap: integer('overlap').notNull(),
  dailyCap: integer('daily_cap'),
  rubricVersion: text('rubric_version'),
  system: text('system'),
  promptCount: integer('prompt_count').notNull(),
  taskCount: integer('task_count').notNull(),
  goldCount: integer('gold_count').notNull(),
  // Tells a retried create (same body) from a clash (same id, other body).
  bodyHash: text('body_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const feedbackCampaignPrompts = pgTable(
  'feedback_campaign_prompts',
  {
    campaignId: text('campaign_id').notNull(),
    promptIndex: integer('prompt_index').notNull(),
    text: text('text').notNull(),
  },
  (table) => [primaryKey({ columns: [table.campaignId, table.promptIndex] })],
);

/** One model's answer to one prompt: pending (no response, no error), generated, or failed. */
export const feedbackCandidates = pgTable(
  'feedback_candidates',
  {
    campaignId: text('campaign_id').notNull(),
    promptIndex: integer('prompt_index').notNull(),
    model: text('model').notNull(),
    responseId: text('response_id'),
    error: text('error'),
  },
  (table) => [primaryKey({ columns: [table.campaignId, table.promptIndex, table.model] })],
);

/** A pairwise comparison of two models on one prompt, or a gold item with a known better side. */
export const feedbackTasks = pgTable(
  'feedback_tasks',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    // Queue order: tasks are handed out by position, gold ones spread among them.
    position: integer('position').notNull(),
    // Null for gold items (their prompt is on the target).
    promptIndex: integer('prompt_index'),
    modelA: text('model_a').notNull(),
    modelB: text('model_b').notNull(),
    responseA: text('response_a'),
    responseB: text('response_b'),
    // Gold: the response id of the better answer.
    goldWinner: text('gold_winner'),
  },
  (table) => [
    index('feedback_tasks_campaign_idx').on(table.campaignId, table.position),
    index('feedback_tasks_candidate_a_idx').on(table.campaignId, table.promptIndex, table.modelA),
    index('feedback_tasks_candidate_b_idx').on(table.campaignId, table.promptIndex, table.modelB),
  ],
);

export const feedbackAssignments = pgTable(
  'feedback_assignments',
  {
    taskId: text('task_id').notNull(),
    annotatorId: text('annotator_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    // 1..overlap; null for gold tasks, which every annotator gets.
    slot: integer('slot'),
    // The displayed order, pseudo-random per (task, annotator): true shows response A on the left.
    aOnLeft: boolean('a_on_left').notNull(),
    // UTC date, for the daily cap.
    day: text('day').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.taskId, table.annotatorId] }),
    uniqueIndex('feedback_assignments_slot_key').on(table.taskId, table.slot),
    index('feedback_assignments_annotator_idx').on(table.campaignId, table.annotatorId, table.day),
  ],
);
