// Campaigns: the models on offer, create (201, generation in the background; 200 for a retried
// create with the same id and body), list, read, and generation progress over SSE.
import {
  Body,
  Controller,
  Get,
  Headers,
  Inject,
  Param,
  Post,
  Query,
  Res,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';
import type { Observable } from 'rxjs';
import {
  FeedbackAccessService,
  INVITE_HEADER,
  type RequestHeaders,
} from '../common/feedback-access.service.js';
import type { CampaignJson } from './campaign-json.js';
import { CampaignsService } from './campaigns.service.js';
import { CandidateModelsService, type CandidateModel } from './candidate-models.service.js';
import { CreateCampaignDto } from './dto/create-campaign.dto.js';
import { GenerationService } from './generation.service.js';

@ApiTags('campaigns')
@Controller('api/feedback')
export class CampaignsController {
  constructor(
    @Inject(CampaignsService) private readonly campaigns: CampaignsService,
    @Inject(CandidateModelsService) private readonly models: CandidateModelsService,
    @Inject(GenerationService) private readonly generation: GenerationService,
    @Inject(FeedbackAccessService) private readonly access: FeedbackAccessService,
  ) {}

  @Get('models')
  @ApiOperation({ summary: 'The candidate models a campaign can compare' })
  listModels(): { models: CandidateModel[] } {
    return { models: this.models.list() };
  }

  @Post('campaigns')
  @ApiOperation({
    summary: 'Create a campaign (admin); candidates are generated in the background',
  })
  async create(
    @Headers() headers: RequestHeaders,
    @Body() body: CreateCampaignDto,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<CampaignJson> {
    this.access.requireAdmin(headers);
    const { campaign, created } = await this.campaigns.create(body);
    response.status(created ? 201 : 200);
    return campaign;
  }

  @Get('campaigns')
  @ApiOperation({ summary: 'Campaigns, newest first (admin)' })
  async list(@Headers() headers: RequestHeaders): Promise<{ campaigns: CampaignJson[] }> {
    this.access.requireAdmin(headers);
    return { campaigns: await this.campaigns.list() };
  }

  @Get('campaigns/:id')
  @ApiOperation({ summary: 'One campaign with its generation progress (admin or invite)' })
  get(@Headers() headers: RequestHeaders, @Param('id') id: string): Promise<CampaignJson> {
    const admin = this.access.requireCampaign(headers, id);
    return this.campaigns.get(id, admin);
  }

  @Sse('campaigns/:id/events')
  @ApiOperation({
    summary:
      'SSE: generation progress (a snapshot, one per candidate), then done; `invite` may come as a query parameter (EventSource sends no headers)',
  })
  @ApiProduces('text/event-stream')
  progress(
    @Headers() headers: RequestHeaders,
    @Param('id') id: string,
    @Query('invite') invite?: string,
  ): Promise<Observable<MessageEvent>> {
    this.access.requireCampaign(
      { ...headers, [INVITE_HEADER]: headers[INVITE_HEADER] ?? invite },
      id,
    );
    return this.generation.events(id);
  }
}
