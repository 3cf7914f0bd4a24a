// Feedback of one kind, read page by page in group order (every answer on one item, or for
// ratings on one prompt, comes out together) and handed on one group at a time with the targets it
// names. Only one page and the group being read are held: memory stays flat however many groups
// the store holds, and the next page is fetched only when the consumer asks for more.
import { AiError } from '@repo/core';
import type { FeedbackQuery, FeedbackStore } from '../store/feedback-store.js';
import type { Feedback, FeedbackTarget } from '../store/feedback-types.js';

export interface FeedbackGroup {
  /** The item key, or the prompt hash for ratings. */
  key: string;
  rows: Feedback[];
  targets: Map<string, FeedbackTarget>;
}

export async function* readGroups(
  store: FeedbackStore,
  query: FeedbackQuery,
  pageSize: number,
): AsyncGenerator<FeedbackGroup> {
  // Ratings binarise per prompt (all answers to one prompt compete); the rest aggregate per item.
  const order = query.kind === 'rating' ? 'prompt' : 'item';
  let group: FeedbackGroup | undefined;
  let cursor: string | undefined;
  do {
    const page = await store.listFeedback({ ...query, order, limit: pageSize, cursor });
    const targets = await store.getTargets(page.items.flatMap((row) => row.responseIds));
    for (const row of page.items) {
      const key = order === 'prompt' ? row.promptHash : row.itemKey;
      if (group !== undefined && group.key !== key) {
        yield group;
        group = undefined;
      }
      group ??= { key, rows: [], targets: new Map() };
      group.rows.push(row);
      for (const id of row.responseIds) group.targets.set(id, targetOf(targets, id));
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  if (group !== undefined) yield group;
}

function targetOf(targets: Map<string, FeedbackTarget>, responseId: string): FeedbackTarget {
  const target = targets.get(responseId);
  // Targets are never deleted and feedback is checked against them when written.
  if (!target) throw new AiError(`Feedback names response "${responseId}", which is not stored`);
  return target;
}
