// Counts and provenance of matching feedback, computed in SQL (GROUP BY, COUNT DISTINCT, MIN/MAX)
// so a data card or a dashboard never loads the rows it describes.
import type { DrizzleDatabase } from '@repo/storage';
import { asc, count, countDistinct, max, min } from 'drizzle-orm';
import type { FeedbackCounts, FeedbackQuery, FeedbackSummary } from './feedback-store.js';
import { whereOf } from './feedback-query.js';
import { ANNOTATOR_KINDS, FEEDBACK_KINDS } from './feedback-types.js';
import { feedback } from './sql-schema.js';

export async function countFeedback(
  db: DrizzleDatabase,
  query: FeedbackQuery,
): Promise<FeedbackCounts> {
  const rows = await db
    .select({ kind: feedback.kind, total: count() })
    .from(feedback)
    .where(whereOf(db, query))
    .groupBy(feedback.kind);
  const byKind = tally(
    FEEDBACK_KINDS,
    rows.map((row) => [row.kind, row.total]),
  );
  return { total: rows.reduce((sum, row) => sum + row.total, 0), byKind };
}

export async function summarizeFeedback(
  db: DrizzleDatabase,
  query: FeedbackQuery,
): Promise<FeedbackSummary> {
  const where = whereOf(db, query);
  const [counts, annotatorRows, [overall], versions] = await Promise.all([
    countFeedback(db, query),
    db
      .select({ kind: feedback.annotatorKind, total: countDistinct(feedback.annotatorId) })
      .from(feedback)
      .where(where)
      .groupBy(feedback.annotatorKind),
    db
      .select({
        // Not the sum of the per-kind counts: one annotator id may appear under two kinds.
        annotators: countDistinct(feedback.annotatorId),
        from: min(feedback.createdAt),
        to: max(feedback.createdAt),
      })
      .from(feedback)
      .where(where),
    db
      .selectDistinct({ version: feedback.rubricVersion })
      .from(feedback)
      .where(where)
      .orderBy(asc(feedback.rubricVersion))
      .limit(1000),
  ]);
  const byKind = tally(
    ANNOTATOR_KINDS,
    annotatorRows.map((row) => [row.kind, row.total]),
  );
  return {
    ...counts,
    annotators: { total: overall?.annotators ?? 0, byKind },
    ...(overall?.from && overall.to ? { timeRange: { from: overall.from, to: overall.to } } : {}),
    rubricVersions: versions.map((row) => row.version),
  };
}

/** Counts keyed by every known value, zero where no row matched. */
function tally<K extends string>(
  keys: readonly K[],
  rows: Array<[string, number]>,
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const [key, total] of rows) if (key in counts) counts[key as K] = total;
  return counts;
}
