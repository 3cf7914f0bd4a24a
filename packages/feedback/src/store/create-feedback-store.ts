// Feedback in SQL through @repo/storage: PGlite in memory or on disk, or PostgreSQL. A write is
// one INSERT … ON CONFLICT (id) DO NOTHING: of concurrent writers with one id exactly one row is
// stored, and the others read it back and compare body hashes (a retry, or a conflict). Rows are
// never updated; supersession is read from the sequence order.
import { fileURLToPath } from 'node:url';
import { AiError } from '@repo/core';
import type { Database } from '@repo/storage';
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { FeedbackStore, ListFeedbackOptions, RecordFeedbackResult } from './feedback-store.js';
import type { FeedbackInput } from './feedback-types.js';
import { checkReferences } from './check-references.js';
import { countFeedback, summarizeFeedback } from './feedback-counts.js';
import {
  afterCursor,
  checkQuery,
  currentCondition,
  encodeCursor,
  orderByOf,
  whereOf,
} from './feedback-query.js';
import { fromFeedbackRow, toFeedbackRow } from './feedback-rows.js';
import { feedback, feedbackTargets } from './sql-schema.js';
import { conflict } from './store-errors.js';
import { normalizeFeedback } from './validate-feedback.js';
import { fromTargetRow, toTargetRow } from './validate-target.js';

/** The drizzle-kit migrations of this package (committed in packages/feedback/drizzle). */
export const FEEDBACK_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Applies this package's migrations (idempotent), then returns the store. */
export async function createFeedbackStore(database: Database): Promise<FeedbackStore> {
  await database.migrate({ packageName: 'feedback', migrationsFolder: FEEDBACK_MIGRATIONS_FOLDER });
  const { db } = database;

  // Rows filtered to current ones are current by definition: no second anti-join to say so.
  const selectFeedback = (untilSequence?: number, knownCurrent = false) =>
    db
      .select({
        row: feedback,
        current: (knownCurrent ? sql`true` : sql`${currentCondition(db, untilSequence)}`).mapWith(
          Boolean,
        ),
      })
      .from(feedback);

  const targetRows = async (ids: readonly string[]) =>
    ids.length === 0
      ? []
      : db
          .select()
          .from(feedbackTargets)
          .where(inArray(feedbackTargets.responseId, [...ids]));

  const store: FeedbackStore = {
    async recordTarget(input) {
      const row = toTargetRow(input);
      const [inserted] = await db
        .insert(feedbackTargets)
        .values(row)
        .onConflictDoNothing()
        .returning();
      if (inserted) return fromTargetRow(inserted);
      const [stored] = await targetRows([row.responseId]);
      if (!stored) throw new AiError(`Target "${row.responseId}" vanished while being recorded`);
      if (stored.bodyHash !== row.bodyHash)
        throw conflict(
          'responseId',
          `Response "${row.responseId}" is already recorded with a different body`,
        );
      return fromTargetRow(stored);
    },
    async getTarget(responseId) {
      const [row] = await targetRows([responseId]);
      return row && fromTargetRow(row);
    },
    async getTargets(responseIds) {
      const rows = await targetRows([...new Set(responseIds)]);
      return new Map(rows.map((row) => [row.responseId, fromTargetRow(row)]));
    },
    recordFeedback: (async (input: FeedbackInput): Promise<RecordFeedbackResult> => {
      const normalized = normalizeFeedback(input);
      const promptHash = checkReferences(normalized, await targetRows(normalized.responseIds));
      const row = toFeedbackRow(normalized, promptHash);
      const [inserted] = await db
        .insert(feedback)
        .values(row)
        .onConflictDoNothing({ target: feedback.id })
        .returning();
      // The newest row of its slot at the moment it was written.
      if (inserted) return { feedback: fromFeedbackRow(inserted, true), created: true };
      const [stored] = await selectFeedback().where(eq(feedback.id, row.id));
      if (!stored) throw new AiError(`Feedback "${row.id}" vanished while being recorded`);
      if (stored.row.bodyHash !== row.bodyHash)
        throw conflict('id', `Feedback "${row.id}" is already stored with a different body`);
      return { feedback: fromFeedbackRow(stored.row, stored.current), created: false };
      // The row read back is of the input's kind: the generic signature only says so to callers.
    }) as FeedbackStore['recordFeedback'],
    async getFeedback(id) {
      const [found] = await selectFeedback().where(eq(feedback.id, id));
      return found && fromFeedbackRow(found.row, found.current);
    },
    async feedbackHistory(id) {
      const [found] = await db
        .select({ key: feedback.supersessionKey })
        .from(feedback)
        .where(eq(feedback.id, id));
      if (!found) return [];
      const rows = await selectFeedback()
        .where(eq(feedback.supersessionKey, found.key))
        .orderBy(asc(feedback.sequence))
        .limit(1000);
      return rows.map(({ row, current }) => fromFeedbackRow(row, current));
    },
    async listFeedback(options: ListFeedbackOptions = {}) {
      checkQuery(options);
      const { order = 'sequence', limit = 100, cursor } = options;
      const rows = await selectFeedback(options.untilSequence, !options.includeSuperseded)
        .where(
          and(whereOf(db, options), cursor === undefined ? undefined : afterCursor(order, cursor)),
        )
        .orderBy(...orderByOf(order))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const items = page.map(({ row, current }) => fromFeedbackRow(row, current));
      if (rows.length <= limit || !last) return { items };
      return { items, nextCursor: encodeCursor(order, last.row) };
    },
    async *streamFeedback(options = {}) {
      let cursor: string | undefined;
      do {
        const page = await store.listFeedback({ ...options, cursor });
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor !== undefined);
    },
    async countFeedback(query = {}) {
      checkQuery(query);
      return countFeedback(db, query);
    },
    async summarizeFeedback(query = {}) {
      checkQuery(query);
      return summarizeFeedback(db, query);
    },
    async lastSequence() {
      const [row] = await db.select({ last: max(feedback.sequence) }).from(feedback);
      return row?.last ?? 0;
    },
  };
  return store;
}
