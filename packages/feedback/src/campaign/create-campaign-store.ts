// Campaigns on the same database as the feedback they collect: the votes are ordinary pairwise
// feedback (taskId and campaignId set), so exports and statistics read them like any other.
import { AiError } from '@repo/core';
import type { Database } from '@repo/storage';
import { desc, eq } from 'drizzle-orm';
import { hashOf } from '../store/canonical-hash.js';
import { FEEDBACK_MIGRATIONS_FOLDER } from '../store/create-feedback-store.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import { conflict } from '../store/store-errors.js';
import { campaignAgreement, campaignLeaderboard } from './campaign-results.js';
import { readProgress, toCampaign, type CampaignRow } from './campaign-rows.js';
import { feedbackCampaigns } from './campaign-schema.js';
import type { CampaignStore } from './campaign-store.js';
import { generateCandidates } from './generate-candidates.js';
import { insertCampaign } from './insert-campaign.js';
import { nextAssignment } from './next-assignment.js';
import { recordVote, undoVote } from './record-vote.js';
import { normalizeCampaign } from './validate-campaign.js';

export async function createCampaignStore(
  database: Database,
  store: FeedbackStore,
): Promise<CampaignStore> {
  await database.migrate({ packageName: 'feedback', migrationsFolder: FEEDBACK_MIGRATIONS_FOLDER });
  const { db } = database;

  const campaignRow = async (id: string): Promise<CampaignRow> => {
    const [row] = await db.select().from(feedbackCampaigns).where(eq(feedbackCampaigns.id, id));
    if (!row)
      throw new AiError(`No campaign "${id}"`, {
        kind: 'not_found',
        code: 'campaign_not_found',
        details: [{ field: 'campaignId', reason: `names no campaign ("${id}")` }],
      });
    return row;
  };
  const withProgress = async (row: CampaignRow) => toCampaign(row, await readProgress(db, row.id));

  return {
    async createCampaign(input) {
      const campaign = normalizeCampaign(input);
      const { id, ...body } = campaign;
      const bodyHash = hashOf(body);
      const created = await insertCampaign(database, store, campaign, bodyHash);
      const row = await campaignRow(id);
      if (!created && row.bodyHash !== bodyHash)
        throw conflict('id', `Campaign "${id}" already exists with a different body`);
      return { campaign: await withProgress(row), created };
    },
    async getCampaign(id) {
      const [row] = await db.select().from(feedbackCampaigns).where(eq(feedbackCampaigns.id, id));
      return row && withProgress(row);
    },
    async listCampaigns({ limit = 100 } = {}) {
      const rows = await db
        .select()
        .from(feedbackCampaigns)
        .orderBy(desc(feedbackCampaigns.createdAt))
        .limit(limit);
      return Promise.all(rows.map(withProgress));
    },
    async progress(campaignId) {
      await campaignRow(campaignId);
      return readProgress(db, campaignId);
    },
    async generateCandidates(campaignId, generate, options) {
      const row = await campaignRow(campaignId);
      return generateCandidates(
        db,
        store,
        { id: row.id, system: row.system ?? undefined },
        generate,
        options,
      );
    },
    async nextAssignment(campaignId, annotatorId, { now = new Date() } = {}) {
      return nextAssignment(db, store, await campaignRow(campaignId), annotatorId, now);
    },
    recordVote: (input) => recordVote(db, store, input),
    undoVote: (input) => undoVote(store, input),
    async leaderboard(campaignId, options) {
      await campaignRow(campaignId);
      return campaignLeaderboard(db, store, campaignId, options);
    },
    async agreement(campaignId) {
      await campaignRow(campaignId);
      return campaignAgreement(db, store, campaignId);
    },
  };
}
