// Stores a new campaign in one transaction: its row, prompts, pending candidates and planned
// tasks. Gold answers are recorded as feedback targets first (idempotent), so a gold task is
// ready from the start. Rows go in chunks: a 2,000-prompt, 10-model campaign is 90,000 tasks,
// beyond one statement's parameter limit.
import { systemMessage, userMessage, type Message } from '@repo/core';
import type { Database } from '@repo/storage';
import type { FeedbackStore } from '../store/feedback-store.js';
import { GOLD_MODEL_BETTER, GOLD_MODEL_WORSE, planTasks } from './plan-tasks.js';
import {
  feedbackCampaignPrompts,
  feedbackCampaigns,
  feedbackCandidates,
  feedbackTasks,
} from './campaign-schema.js';
import type { NormalizedCampaign } from './validate-campaign.js';

const CHUNK_ROWS = 1000;

export function promptMessages(text: string, system: string | undefined): Message[] {
  return system ? [systemMessage(system), userMessage(text)] : [userMessage(text)];
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS)
    await insert(rows.slice(start, start + CHUNK_ROWS));
}

/** Returns false when a campaign with this id already exists (nothing is written). */
export async function insertCampaign(
  database: Database,
  store: FeedbackStore,
  campaign: NormalizedCampaign,
  bodyHash: string,
): Promise<boolean> {
  const tasks = planTasks(
    campaign.id,
    campaign.prompts.length,
    campaign.models,
    campaign.gold.length,
  );
  const goldIds = await Promise.all(
    campaign.gold.map(async (item, g) => {
      const prompt = promptMessages(item.prompt, campaign.system);
      const ids = [`${campaign.id}:gold:${g}:better`, `${campaign.id}:gold:${g}:worse`] as const;
      await store.recordTarget({
        responseId: ids[0],
        prompt,
        answer: item.better,
        model: GOLD_MODEL_BETTER,
      });
      await store.recordTarget({
        responseId: ids[1],
        prompt,
        answer: item.worse,
        model: GOLD_MODEL_WORSE,
      });
      return ids;
    }),
  );
  return database.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(feedbackCampaigns)
      .values({
        id: campaign.id,
        name: campaign.name,
        models: campaign.models,
        overlap: campaign.overlap,
        dailyCap: campaign.dailyCap ?? null,
        rubricVersion: campaign.rubricVersion ?? null,
        system: campaign.system ?? null,
        promptCount: campaign.prompts.length,
        taskCount: tasks.length,
        goldCount: campaign.gold.length,
        bodyHash,
      })
      .onConflictDoNothing()
      .returning({ id: feedbackCampaigns.id });
    if (!inserted) return false;
    const prompts = campaign.prompts.map((text, promptIndex) => ({
      campaignId: campaign.id,
      promptIndex,
      text,
    }));
    await insertChunks(prompts, (chunk) => tx.insert(feedbackCampaignPrompts).values(chunk));
    const candidates = prompts.flatMap(({ promptIndex }) =>
      campaign.models.map((model) => ({ campaignId: campaign.id, promptIndex, model })),
    );
    await insertChunks(candidates, (chunk) => tx.insert(feedbackCandidates).values(chunk));
    const taskRows = tasks.map((task) => {
      const gold = task.goldIndex === undefined ? undefined : goldIds[task.goldIndex];
      return {
        id: task.id,
        campaignId: campaign.id,
        position: task.position,
        promptIndex: task.promptIndex ?? null,
        modelA: task.modelA,
        modelB: task.modelB,
        responseA: gold?.[0] ?? null,
        responseB: gold?.[1] ?? null,
        goldWinner: gold?.[0] ?? null,
      };
    });
    await insertChunks(taskRows, (chunk) => tx.insert(feedbackTasks).values(chunk));
    return true;
  });
}
