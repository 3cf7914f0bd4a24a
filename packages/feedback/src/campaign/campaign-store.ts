// The campaign store's contract: create a campaign (idempotent by id), generate its candidates,
// hand out tasks, take votes and undos, and report the leaderboard and agreement.
import type { CampaignAgreement, CampaignLeaderboard } from './campaign-results.js';
import type {
  Campaign,
  CampaignInput,
  CampaignLeaderboardOptions,
  GenerateCandidate,
  GenerateOptions,
  GenerationProgress,
  NextAssignment,
  VoteInput,
  VoteResult,
} from './campaign-types.js';

export interface CampaignStore {
  /** `created` false: the same id with the same body was already stored (a retry). */
  createCampaign(input: CampaignInput): Promise<{ campaign: Campaign; created: boolean }>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  /** Newest first. */
  listCampaigns(options?: { limit?: number }): Promise<Campaign[]>;
  progress(campaignId: string): Promise<GenerationProgress>;
  /** Generates every pending candidate; resumable after an abort or a restart. */
  generateCandidates(
    campaignId: string,
    generate: GenerateCandidate,
    options?: GenerateOptions,
  ): Promise<GenerationProgress>;
  nextAssignment(
    campaignId: string,
    annotatorId: string,
    options?: { now?: Date },
  ): Promise<NextAssignment>;
  recordVote(input: VoteInput): Promise<VoteResult>;
  undoVote(input: {
    id: string;
    annotatorId: string;
  }): Promise<{ taskId: string; created: boolean }>;
  leaderboard(
    campaignId: string,
    options?: CampaignLeaderboardOptions,
  ): Promise<CampaignLeaderboard>;
  agreement(campaignId: string): Promise<CampaignAgreement>;
}
