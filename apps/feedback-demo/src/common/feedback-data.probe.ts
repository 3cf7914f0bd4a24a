// The store's part of /health: one cheap read (opening the database if the boot-time open
// failed), with the campaigns generating right now. Down with the reason.
import { Inject, Injectable } from '@nestjs/common';
import type { HealthProbe } from '@repo/nest';
import { GenerationService } from '../campaigns/generation.service.js';
import { FeedbackDataService } from './feedback-data.service.js';

@Injectable()
export class FeedbackDataProbe implements HealthProbe {
  constructor(
    @Inject(FeedbackDataService) private readonly data: FeedbackDataService,
    @Inject(GenerationService) private readonly generation: GenerationService,
  ) {}

  async probe(): Promise<{ generating: number }> {
    await (await this.data.data()).feedback.lastSequence();
    return { generating: this.generation.running };
  }
}
