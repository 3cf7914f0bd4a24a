// A vote on an assigned task, stored as pairwise feedback in the order the annotator saw it, and
// its undo: a `discarded` answer on the same item that supersedes the vote (nothing is deleted),
// after which the task is open again for that annotator. Unknown tasks and other annotators'
// votes are both "not found", so ids reveal nothing about anyone else's work.
import { AiError } from '@repo/core';
import type { DrizzleDatabase } from '@repo/storage';
import { and, eq } from 'drizzle-orm';
import type { FeedbackStore } from '../store/feedback-store.js';
import type { PairwiseFeedback } from '../store/feedback-types.js';
import { FieldChecks } from '../store/field-checks.js';
import type { VoteInput, VoteResult } from './campaign-types.js';
import { feedbackAssignments, feedbackCampaigns, feedbackTasks } from './campaign-schema.js';

function notFound(field: string, message: string): AiError {
  return new AiError(message, {
    kind: 'not_found',
    code: 'feedback_not_found',
    details: [{ field, reason: 'names nothing this annotator can see' }],
  });
}

export async function recordVote(
  db: DrizzleDatabase,
  store: FeedbackStore,
  input: VoteInput,
): Promise<VoteResult> {
  const checks = new FieldChecks();
  const taskId = checks.id(input?.taskId, 'taskId');
  const annotatorId = checks.id(input?.annotatorId, 'annotator');
  checks.throwIfInvalid('vote');
  const [row] = await db
    .select({
      task: feedbackTasks,
      aOnLeft: feedbackAssignments.aOnLeft,
      rubricVersion: feedbackCampaigns.rubricVersion,
    })
    .from(feedbackTasks)
    .innerJoin(feedbackCampaigns, eq(feedbackCampaigns.id, feedbackTasks.campaignId))
    .leftJoin(
      feedbackAssignments,
      and(
        eq(feedbackAssignments.taskId, feedbackTasks.id),
        eq(feedbackAssignments.annotatorId, annotatorId),
      ),
    )
    .where(eq(feedbackTasks.id, taskId));
  if (!row) throw notFound('taskId', `No task "${taskId}"`);
  const { task, aOnLeft } = row;
  if (aOnLeft === null || !task.responseA || !task.responseB)
    throw new AiError(
      `Task "${taskId}" is not assigned to "${annotatorId}" (ask for the next task first)`,
      {
        kind: 'conflict',
        code: 'task_not_assigned',
        details: [{ field: 'taskId', reason: 'is not assigned to this annotator' }],
      },
    );
  const shown: [string, string] = aOnLeft
    ? [task.responseA, task.responseB]
    : [task.responseB, task.responseA];
  const { feedback, created } = await store.recordFeedback({
    kind: 'pairwise',
    id: input.id,
    annotator: { id: annotatorId, kind: 'crowd' },
    shown,
    choice: input.choice,
    ...(input.strength === undefined ? {} : { strength: input.strength }),
    ...(input.timeSpentMs === undefined ? {} : { timeSpentMs: input.timeSpentMs }),
    ...(input.comment === undefined ? {} : { comment: input.comment }),
    ...(row.rubricVersion === null ? {} : { rubricVersion: row.rubricVersion }),
    taskId,
    campaignId: task.campaignId,
  });
  return {
    feedback,
    created,
    reveal: aOnLeft
      ? { left: task.modelA, right: task.modelB }
      : { left: task.modelB, right: task.modelA },
  };
}

/** Undoes the annotator's current vote `voteId`; returns the task, open again for them. */
export async function undoVote(
  store: FeedbackStore,
  input: { id: string; annotatorId: string },
): Promise<{ taskId: string; created: boolean }> {
  const checks = new FieldChecks();
  const voteId = checks.id(input?.id, 'id');
  const annotatorId = checks.id(input?.annotatorId, 'annotator');
  checks.throwIfInvalid('undo');
  const vote = await store.getFeedback(voteId);
  if (
    !vote ||
    vote.kind !== 'pairwise' ||
    vote.annotator.id !== annotatorId ||
    vote.taskId === undefined
  )
    throw notFound('id', `No vote "${voteId}" by "${annotatorId}"`);
  const undoId = `${voteId}:undo`;
  const undone = await store.getFeedback(undoId);
  if (undone) return { taskId: vote.taskId, created: false };
  if (!vote.current || vote.status !== 'submitted')
    throw new AiError(`Vote "${voteId}" is no longer the current answer on its task`, {
      kind: 'conflict',
      code: 'vote_superseded',
      details: [{ field: 'id', reason: 'was already replaced by a later answer' }],
    });
  await store.recordFeedback({
    kind: 'pairwise',
    id: undoId,
    annotator: vote.annotator,
    shown: vote.shown,
    choice: vote.choice,
    status: 'discarded',
    taskId: vote.taskId,
    ...provenance(vote),
  });
  return { taskId: vote.taskId, created: true };
}

function provenance(vote: PairwiseFeedback) {
  return {
    ...(vote.campaignId === undefined ? {} : { campaignId: vote.campaignId }),
    ...(vote.rubricVersion === undefined ? {} : { rubricVersion: vote.rubricVersion }),
  };
}
