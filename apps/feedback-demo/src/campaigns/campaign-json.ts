// A campaign as the API answers it: dates as ISO strings, and (for those allowed to see it) the
// invite that lets annotators in.
import type { Campaign } from '@repo/feedback';

export interface CampaignJson extends Omit<Campaign, 'createdAt'> {
  createdAt: string;
  invite?: { token: string; path: string };
}

export function toCampaignJson(campaign: Campaign, inviteToken?: string): CampaignJson {
  const json: CampaignJson = { ...campaign, createdAt: campaign.createdAt.toISOString() };
  if (inviteToken !== undefined)
    json.invite = {
      token: inviteToken,
      path: `/#/label/${encodeURIComponent(campaign.id)}?invite=${encodeURIComponent(inviteToken)}`,
    };
  return json;
}
