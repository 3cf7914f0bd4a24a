// Creating and reading campaigns. A create checks the models, holds a generation slot (429 when
// none is free, before anything is stored), stores the campaign and starts its generation in the
// background; the answer comes at once with status `generating`.
import { Inject, Injectable } from '@nestjs/common';
import type { Campaign } from '@repo/feedback';
import { FeedbackAccessService } from '../common/feedback-access.service.js';
import { FeedbackDataService } from '../common/feedback-data.service.js';
import { campaignNotFound } from './campaign-errors.js';
import { toCampaignJson, type CampaignJson } from './campaign-json.js';
import { CandidateModelsService } from './candidate-models.service.js';
import type { CreateCampaignDto } from './dto/create-campaign.dto.js';
import { GenerationService } from './generation.service.js';

@Injectable()
export class CampaignsService {
  constructor(
    @Inject(FeedbackDataService) private readonly data: FeedbackDataService,
    @Inject(CandidateModelsService) private readonly models: CandidateModelsService,
    @Inject(GenerationService) private readonly generation: GenerationService,
    @Inject(FeedbackAccessService) private readonly access: FeedbackAccessService,
  ) {}

  async create(body: CreateCampaignDto): Promise<{ campaign: CampaignJson; created: boolean }> {
    if (Array.isArray(body.models)) this.models.check(body.models);
    const release = this.generation.reserve();
    try {
      const { campaigns } = await this.data.data();
      const { campaign, created } = await campaigns.createCampaign(body);
      await this.generation.start(campaign.id, release);
      return { campaign: this.json(campaign, true), created };
    } finally {
      release();
    }
  }

  async list(): Promise<CampaignJson[]> {
    const { campaigns } = await this.data.data();
    return (await campaigns.listCampaigns()).map((campaign) => this.json(campaign, true));
  }

  async get(id: string, withInvite: boolean): Promise<CampaignJson> {
    const { campaigns } = await this.data.data();
    const campaign = await campaigns.getCampaign(id);
    if (!campaign) throw campaignNotFound(id);
    return this.json(campaign, withInvite);
  }

  private json(campaign: Campaign, withInvite: boolean): CampaignJson {
    return toCampaignJson(campaign, withInvite ? this.access.inviteToken(campaign.id) : undefined);
  }
}
