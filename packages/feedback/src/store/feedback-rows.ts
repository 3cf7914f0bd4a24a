// Feedback in and out of its row: the keys that make idempotency (body hash), supersession
// (annotator + item + task) and grouping (item, prompt) work, and the typed record read back.
import { hashOf } from './canonical-hash.js';
import type {
  AnnotatorKind,
  Feedback,
  FeedbackKind,
  FeedbackStatus,
  PairwiseFeedback,
} from './feedback-types.js';
import type { feedback } from './sql-schema.js';
import type { NormalizedFeedback } from './validate-feedback.js';

export type FeedbackRow = typeof feedback.$inferSelect;
export type FeedbackInsert = typeof feedback.$inferInsert;

/** The item judged, whoever judges it: `["pairwise","r1","r2"]` (JSON, so no id can break it). */
export function itemKeyOf(kind: FeedbackKind, responseIds: readonly string[]): string {
  return JSON.stringify([kind, ...responseIds]);
}

export function toFeedbackRow(input: NormalizedFeedback, promptHash: string): FeedbackInsert {
  const { id, createdAt, ...body } = input;
  const { kind, responseIds, value, annotator, taskId } = body;
  const itemKey = itemKeyOf(kind, responseIds);
  const { rubricVersion, timeSpentMs, status, campaignId, metadata } = body;
  return {
    id,
    // Everything but the id and the time: a retry with the same judgement is the same body.
    bodyHash: hashOf(body),
    kind,
    itemHash: hashOf(itemKey),
    supersessionKey: hashOf([annotator.id, itemKey, taskId ?? null]),
    promptHash,
    responseIds,
    value,
    annotatorId: annotator.id,
    annotatorKind: annotator.kind,
    rubricVersion: rubricVersion ?? null,
    timeSpentMs: timeSpentMs ?? null,
    status,
    taskId: taskId ?? null,
    campaignId: campaignId ?? null,
    metadata: metadata ?? null,
    createdAt,
  };
}

export function fromFeedbackRow(row: FeedbackRow, current: boolean): Feedback {
  const kind = row.kind as FeedbackKind;
  const value = row.value as Record<string, unknown>;
  const base = {
    id: row.id,
    sequence: row.sequence,
    itemKey: itemKeyOf(kind, row.responseIds),
    responseIds: row.responseIds,
    promptHash: row.promptHash,
    current,
    annotator: { id: row.annotatorId, kind: row.annotatorKind as AnnotatorKind },
    status: row.status as FeedbackStatus,
    createdAt: row.createdAt,
    ...present({
      rubricVersion: row.rubricVersion,
      timeSpentMs: row.timeSpentMs,
      taskId: row.taskId,
      campaignId: row.campaignId,
      metadata: row.metadata as Record<string, string> | null,
      comment: value.comment as string | undefined,
    }),
  };
  const targetId = row.responseIds[0] as string;
  switch (kind) {
    case 'thumbs':
      return {
        ...base,
        kind,
        targetId,
        value: value.value as 'up' | 'down',
        reasons: value.reasons as string[],
      };
    case 'rating':
      return {
        ...base,
        kind,
        targetId,
        scale: value.scale as 5 | 7,
        scores: value.scores as Record<string, number>,
      };
    case 'correction':
      return { ...base, kind, targetId, text: value.text as string };
    case 'ranking':
      return { ...base, kind, candidates: row.responseIds, ranking: value.ranking as string[][] };
    case 'pairwise': {
      const { shown, choice, outcome, strength } = value as Partial<PairwiseFeedback>;
      return {
        ...base,
        kind,
        candidates: row.responseIds as [string, string],
        shown: shown as [string, string],
        choice: choice as PairwiseFeedback['choice'],
        outcome: outcome as PairwiseFeedback['outcome'],
        ...present({ strength }),
      };
    }
  }
}

/** The fields that hold a value: optional ones are left out rather than set to null. */
function present<T extends Record<string, unknown>>(
  fields: T,
): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value != null) kept[key] = value;
  return kept as Partial<{ [K in keyof T]: NonNullable<T[K]> }>;
}
