// The WHERE, ORDER BY and keyset cursor of feedback listings. "Current" is computed, not stored:
// no later row of the same supersession key (up to the snapshot), which an index answers per row.
// Paging is by keyset (sequence, or group hash then sequence), never OFFSET: a page costs the same
// at row 20 as at row 2,000,000, and rows written meanwhile neither repeat nor shift a page.
import type { DrizzleDatabase } from '@repo/storage';
import type { SQL } from 'drizzle-orm';
import {
  and,
  arrayContains,
  asc,
  eq,
  gt,
  inArray,
  lte,
  notExists,
  notInArray,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FeedbackOrder, FeedbackQuery, ListFeedbackOptions } from './feedback-store.js';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES } from './feedback-types.js';
import { FieldChecks } from './field-checks.js';
import type { FeedbackRow } from './feedback-rows.js';
import { feedback } from './sql-schema.js';

const later = alias(feedback, 'later');
const ORDERS: readonly FeedbackOrder[] = ['sequence', 'item', 'prompt'];
export const MAX_PAGE_SIZE = 1000;

export function currentCondition(db: DrizzleDatabase, untilSequence?: number): SQL {
  const newer = and(
    eq(later.supersessionKey, feedback.supersessionKey),
    gt(later.sequence, feedback.sequence),
    untilSequence === undefined ? undefined : lte(later.sequence, untilSequence),
  );
  return notExists(
    db
      .select({ one: sql`1` })
      .from(later)
      .where(newer),
  );
}

export function checkQuery(query: ListFeedbackOptions, checks = new FieldChecks()): void {
  const { kind, status, untilSequence, rubricVersions, excludeAnnotatorIds } = query;
  if (kind !== undefined) checks.oneOf(kind, 'kind', FEEDBACK_KINDS);
  if (query.kinds !== undefined)
    checks
      .array(query.kinds, 'kinds', 1, 5)
      .forEach((k, i) => checks.oneOf(k, `kinds[${i}]`, FEEDBACK_KINDS));
  if (status !== undefined) checks.oneOf(status, 'status', [...FEEDBACK_STATUSES, 'any']);
  if (untilSequence !== undefined)
    checks.integer(untilSequence, 'untilSequence', 0, Number.MAX_SAFE_INTEGER);
  if (rubricVersions !== undefined)
    checks
      .array(rubricVersions, 'rubricVersions', 1, 1000)
      .forEach((v, i) => checks.id(v, `rubricVersions[${i}]`));
  if (excludeAnnotatorIds !== undefined)
    checks
      .array(excludeAnnotatorIds, 'excludeAnnotatorIds', 0, 10_000)
      .forEach((v, i) => checks.id(v, `excludeAnnotatorIds[${i}]`));
  if (query.order !== undefined) checks.oneOf(query.order, 'order', ORDERS);
  if (query.limit !== undefined) checks.integer(query.limit, 'limit', 1, MAX_PAGE_SIZE);
  for (const field of ['responseId', 'taskId', 'campaignId', 'annotatorId'] as const)
    if (query[field] !== undefined) checks.id(query[field], field);
  checks.throwIfInvalid('feedback query');
}

export function whereOf(db: DrizzleDatabase, query: FeedbackQuery): SQL | undefined {
  const { status = 'submitted', untilSequence, excludeAnnotatorIds = [] } = query;
  return and(
    query.kind === undefined ? undefined : eq(feedback.kind, query.kind),
    query.kinds === undefined ? undefined : inArray(feedback.kind, [...query.kinds]),
    query.responseId === undefined
      ? undefined
      : arrayContains(feedback.responseIds, [query.responseId]),
    query.taskId === undefined ? undefined : eq(feedback.taskId, query.taskId),
    query.campaignId === undefined ? undefined : eq(feedback.campaignId, query.campaignId),
    query.annotatorId === undefined ? undefined : eq(feedback.annotatorId, query.annotatorId),
    status === 'any' ? undefined : eq(feedback.status, status),
    excludeAnnotatorIds.length === 0
      ? undefined
      : notInArray(feedback.annotatorId, [...excludeAnnotatorIds]),
    query.rubricVersions === undefined
      ? undefined
      : inArray(feedback.rubricVersion, [...query.rubricVersions]),
    untilSequence === undefined ? undefined : lte(feedback.sequence, untilSequence),
    query.includeSuperseded ? undefined : currentCondition(db, untilSequence),
  );
}

function groupColumn(order: FeedbackOrder) {
  return order === 'item' ? feedback.itemHash : feedback.promptHash;
}

export function orderByOf(order: FeedbackOrder): SQL[] {
  if (order === 'sequence') return [asc(feedback.sequence)];
  return [asc(groupColumn(order)), asc(feedback.sequence)];
}

/** An opaque token: the order it belongs to and the last row's keyset position. */
export function encodeCursor(order: FeedbackOrder, row: FeedbackRow): string {
  const key = order === 'item' ? row.itemHash : order === 'prompt' ? row.promptHash : '';
  return Buffer.from(JSON.stringify([order, key, row.sequence])).toString('base64url');
}

/** The condition for the rows after the cursor. */
export function afterCursor(order: FeedbackOrder, cursor: string): SQL {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const [cursorOrder, key, sequence] = Array.isArray(decoded) ? decoded : [];
  if (cursorOrder !== order || typeof key !== 'string' || !Number.isSafeInteger(sequence)) {
    const checks = new FieldChecks();
    checks.fail('cursor', `is not a cursor of a listing in ${order} order`);
    checks.throwIfInvalid('feedback query');
  }
  if (order === 'sequence') return gt(feedback.sequence, sequence as number);
  return sql`(${groupColumn(order)}, ${feedback.sequence}) > (${key}, ${sequence})`;
}
