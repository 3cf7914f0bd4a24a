// Generates campaigns' candidates off the request thread: at most FEEDBACK_MAX_GENERATING
// campaigns at once (one more is a 429 with Retry-After, before anything is stored), each with
// FEEDBACK_CONCURRENCY candidates in flight. At boot, campaigns a restart cut off resume where they
// stopped (their finished candidates are stored); on shutdown, generation is aborted and what is
// pending stays pending.
import {
  Inject,
  Injectable,
  Logger,
  type MessageEvent,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { OverloadedError } from '@repo/core';
import { APP_CONFIG } from '@repo/nest';
import { Observable } from 'rxjs';
import type { AppConfig } from '../app-config.js';
import { FeedbackDataService } from '../common/feedback-data.service.js';
import { campaignNotFound } from './campaign-errors.js';
import { CandidateModelsService } from './candidate-models.service.js';
import { LiveGeneration } from './live-generation.js';
import { toCampaignJson } from './campaign-json.js';

const RETRY_AFTER_MS = 5_000;

@Injectable()
export class GenerationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Generation');
  private readonly live = new Map<string, LiveGeneration>();
  private reserved = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FeedbackDataService) private readonly data: FeedbackDataService,
    @Inject(CandidateModelsService) private readonly models: CandidateModelsService,
  ) {}

  get running(): number {
    return this.live.size;
  }

  /** Holds a generation slot before a campaign is stored; OverloadedError (429) when none is free. */
  reserve(): () => void {
    if (this.live.size + this.reserved >= this.config.FEEDBACK_MAX_GENERATING)
      throw new OverloadedError(
        `${this.config.FEEDBACK_MAX_GENERATING} campaigns are generating already (FEEDBACK_MAX_GENERATING); try again shortly`,
        RETRY_AFTER_MS,
      );
    this.reserved++;
    let released = false;
    return () => {
      if (!released) this.reserved--;
      released = true;
    };
  }

  /** Starts generating in the background (a no-op when it already runs or is finished). */
  async start(campaignId: string, release: () => void = () => undefined): Promise<void> {
    const { campaigns } = await this.data.data();
    const progress = await campaigns.progress(campaignId);
    if (progress.finished || this.live.has(campaignId)) return release();
    const live = new LiveGeneration(campaignId, progress);
    this.live.set(campaignId, live);
    release();
    void campaigns
      .generateCandidates(campaignId, this.models.generate, {
        concurrency: this.config.FEEDBACK_CONCURRENCY,
        signal: live.signal,
        onProgress: (next) => live.record(next),
      })
      .then(async (final) => {
        if (live.signal.aborted) return live.finish(undefined);
        if (final.failed > 0)
          this.logger.warn(`Campaign ${campaignId}: ${final.failed} candidate(s) failed`);
        const campaign = await campaigns.getCampaign(campaignId);
        live.finish(campaign && toCampaignJson(campaign));
      })
      .catch((error: unknown) => {
        this.logger.error(
          `Campaign ${campaignId}: ${error instanceof Error ? error.message : String(error)}`,
        );
        live.finish(undefined);
      })
      .finally(() => {
        this.live.delete(campaignId);
        if (!live.signal.aborted) void this.fill();
      });
  }

  /** Starts unfinished campaigns (a restart's, or ones that waited) while slots are free. */
  private async fill(): Promise<void> {
    const data = await this.data.data().catch(() => undefined);
    if (!data) return;
    const campaigns = await data.campaigns.listCampaigns({ limit: 1000 });
    for (const campaign of campaigns.reverse()) {
      if (this.live.size + this.reserved >= this.config.FEEDBACK_MAX_GENERATING) return;
      if (campaign.progress.finished || this.live.has(campaign.id)) continue;
      this.logger.log(`Generating the candidates of campaign ${campaign.id}`);
      await this.start(campaign.id);
    }
  }

  /** SSE: progress events then `done` (at once when generation already finished). */
  async events(campaignId: string): Promise<Observable<MessageEvent>> {
    const live = this.live.get(campaignId);
    if (live) return live.stream();
    const { campaigns } = await this.data.data();
    const campaign = await campaigns.getCampaign(campaignId);
    if (!campaign) throw campaignNotFound(campaignId);
    return new Observable<MessageEvent>((subscriber) => {
      subscriber.next({ type: 'progress', data: campaign.progress });
      subscriber.next({ type: 'done', data: toCampaignJson(campaign) });
      subscriber.complete();
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.fill();
  }

  onApplicationShutdown(): void {
    for (const live of this.live.values()) live.cancel();
  }
}
