// From campaign rows to the public shape, and the generation progress read from the candidates.
import type { DrizzleDatabase } from '@repo/storage';
import { eq, sql } from 'drizzle-orm';
import type { Campaign, GenerationProgress } from './campaign-types.js';
import type { feedbackCampaigns } from './campaign-schema.js';
import { feedbackCandidates } from './campaign-schema.js';

export type CampaignRow = typeof feedbackCampaigns.$inferSelect;

export async function readProgress(
  db: DrizzleDatabase,
  campaignId: string,
): Promise<GenerationProgress> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      done: sql<number>`count(${feedbackCandidates.responseId})::int`,
      failed: sql<number>`count(${feedbackCandidates.error})::int`,
    })
    .from(feedbackCandidates)
    .where(eq(feedbackCandidates.campaignId, campaignId));
  const total = row?.total ?? 0;
  const done = row?.done ?? 0;
  const failed = row?.failed ?? 0;
  return { total, done, failed, finished: done + failed === total };
}

export function toCampaign(row: CampaignRow, progress: GenerationProgress): Campaign {
  const campaign: Campaign = {
    id: row.id,
    name: row.name,
    models: row.models,
    overlap: row.overlap,
    prompts: row.promptCount,
    tasks: row.taskCount,
    goldTasks: row.goldCount,
    status: progress.finished ? 'ready' : 'generating',
    progress,
    createdAt: row.createdAt,
  };
  if (row.dailyCap !== null) campaign.dailyCap = row.dailyCap;
  if (row.rubricVersion !== null) campaign.rubricVersion = row.rubricVersion;
  if (row.system !== null) campaign.system = row.system;
  return campaign;
}
