// An annotator's next task. First any task already assigned to them without a current submitted
// vote (a reload, or an undone vote), so nothing is skipped; then, within the daily cap, a new
// task in queue order that they have never had, whose two answers exist and which still has a
// free slot (gold tasks go to everyone). Slots are claimed by INSERT … ON CONFLICT DO NOTHING on
// the unique (task, slot) and (task, annotator) keys: a lost race just tries the next candidate.
import { createHash } from 'node:crypto';
import type { DrizzleDatabase } from '@repo/storage';
import { and, asc, count, eq, isNotNull, lt, notExists, or, sql } from 'drizzle-orm';
import { currentCondition } from '../store/feedback-query.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import { feedback } from '../store/sql-schema.js';
import type { Assignment, NextAssignment } from './campaign-types.js';
import { readProgress, type CampaignRow } from './campaign-rows.js';
import { feedbackAssignments, feedbackTasks } from './campaign-schema.js';

/** Candidate tasks read per attempt, and attempts before giving up on a busy queue. */
const PICK_BATCH = 8;
const MAX_ATTEMPTS = 20;

export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The shown order: pseudo-random per (task, annotator), from a hash rather than Math.random, so
 * it is independent of the models and of the queue, yet reproducible (an audit, or a README
 * whose outputs are checked, sees the same order again).
 */
export function aShownLeft(taskId: string, annotatorId: string): boolean {
  return (createHash('sha256').update(`${taskId}\u0000${annotatorId}`).digest()[0]! & 1) === 0;
}

function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** The annotator's current submitted pairwise vote on the assignment's task exists. */
function voted(db: DrizzleDatabase, annotatorId: string) {
  return db
    .select({ one: sql`1` })
    .from(feedback)
    .where(
      and(
        eq(feedback.taskId, feedbackAssignments.taskId),
        eq(feedback.annotatorId, annotatorId),
        eq(feedback.kind, 'pairwise'),
        eq(feedback.status, 'submitted'),
        currentCondition(db),
      ),
    );
}

function assignedTo(db: DrizzleDatabase, annotatorId: string) {
  return db
    .select({ one: sql`1` })
    .from(feedbackAssignments)
    .where(
      and(
        eq(feedbackAssignments.taskId, feedbackTasks.id),
        eq(feedbackAssignments.annotatorId, annotatorId),
      ),
    );
}

/** Tasks this annotator never had that still have a free slot (gold: always), ready or not. */
function availableTasks(db: DrizzleDatabase, campaign: CampaignRow, annotatorId: string) {
  return and(
    eq(feedbackTasks.campaignId, campaign.id),
    notExists(assignedTo(db, annotatorId)),
    or(isNotNull(feedbackTasks.goldWinner), lt(takenSlots, campaign.overlap)),
  );
}

const takenSlots = sql<number>`(select count(*)::int from ${feedbackAssignments} where ${feedbackAssignments.taskId} = ${feedbackTasks.id})`;

export async function nextAssignment(
  db: DrizzleDatabase,
  store: FeedbackStore,
  campaign: CampaignRow,
  annotatorId: string,
  now: Date,
): Promise<NextAssignment> {
  const mine = and(
    eq(feedbackAssignments.campaignId, campaign.id),
    eq(feedbackAssignments.annotatorId, annotatorId),
  );
  const [open] = await db
    .select({ taskId: feedbackAssignments.taskId, aOnLeft: feedbackAssignments.aOnLeft })
    .from(feedbackAssignments)
    .where(and(mine, notExists(voted(db, annotatorId))))
    .orderBy(asc(feedbackAssignments.assignedAt), asc(feedbackAssignments.taskId))
    .limit(1);
  if (open) return assigned(db, store, campaign, annotatorId, open.taskId, open.aOnLeft);

  const day = utcDay(now);
  if (campaign.dailyCap !== null) {
    const [today] = await db
      .select({ n: count() })
      .from(feedbackAssignments)
      .where(and(mine, eq(feedbackAssignments.day, day)));
    if ((today?.n ?? 0) >= campaign.dailyCap)
      return { status: 'capped', resetsAt: nextUtcMidnight(now) };
  }

  const available = availableTasks(db, campaign, annotatorId);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const candidates = await db
      .select({ id: feedbackTasks.id, gold: feedbackTasks.goldWinner, taken: takenSlots })
      .from(feedbackTasks)
      .where(and(available, isNotNull(feedbackTasks.responseA), isNotNull(feedbackTasks.responseB)))
      .orderBy(asc(feedbackTasks.position))
      .limit(PICK_BATCH);
    if (candidates.length === 0) break;
    for (const task of candidates) {
      const aOnLeft = aShownLeft(task.id, annotatorId);
      const [claimed] = await db
        .insert(feedbackAssignments)
        .values({
          taskId: task.id,
          annotatorId,
          campaignId: campaign.id,
          slot: task.gold === null ? task.taken + 1 : null,
          aOnLeft,
          day,
        })
        .onConflictDoNothing()
        .returning({ taskId: feedbackAssignments.taskId });
      if (claimed) return assigned(db, store, campaign, annotatorId, task.id, aOnLeft);
    }
  }
  const progress = await readProgress(db, campaign.id);
  return progress.finished ? { status: 'done' } : { status: 'generating', progress };
}

async function assigned(
  db: DrizzleDatabase,
  store: FeedbackStore,
  campaign: CampaignRow,
  annotatorId: string,
  taskId: string,
  aOnLeft: boolean,
): Promise<NextAssignment> {
  const [task] = await db.select().from(feedbackTasks).where(eq(feedbackTasks.id, taskId));
  if (!task?.responseA || !task.responseB) throw new Error(`Task "${taskId}" has no answers`);
  const targets = await store.getTargets([task.responseA, task.responseB]);
  const a = targets.get(task.responseA);
  const b = targets.get(task.responseB);
  if (!a || !b) throw new Error(`The answers of task "${taskId}" are missing`);
  const [left, right] = aOnLeft ? [a, b] : [b, a];
  const [position] = await db
    .select({
      assigned: count(),
      open: sql<number>`count(*) filter (where not exists ${voted(db, annotatorId)})::int`,
    })
    .from(feedbackAssignments)
    .where(
      and(
        eq(feedbackAssignments.campaignId, campaign.id),
        eq(feedbackAssignments.annotatorId, annotatorId),
      ),
    );
  const [free] = await db
    .select({ n: count() })
    .from(feedbackTasks)
    .where(availableTasks(db, campaign, annotatorId));
  const open = position?.open ?? 0;
  const assignment: Assignment = {
    taskId,
    campaignId: campaign.id,
    annotatorId,
    prompt: a.prompt,
    left: { responseId: left.responseId, text: left.answer },
    right: { responseId: right.responseId, text: right.answer },
    position: { done: (position?.assigned ?? 0) - open, remaining: open + (free?.n ?? 0) },
  };
  if (campaign.rubricVersion !== null) assignment.rubricVersion = campaign.rubricVersion;
  return { status: 'assigned', assignment };
}
