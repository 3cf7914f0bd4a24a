// The feedback store's part of /health (list it in AppShellModule's `health.probes`): one cheap
// query, opening the store if nothing has yet, with the answers held for feedback. Down with the
// reason (the PGlite folder in use, the server unreachable).
import { Inject, Injectable } from '@nestjs/common';
import type { FeedbackAdvisor } from '@repo/feedback';
import type { HealthProbe } from '../health-module.js';
import { FEEDBACK_ADVISOR } from './feedback-module-definition.js';
import { FeedbackStoreService } from './feedback-store.service.js';

@Injectable()
export class FeedbackHealthProbe implements HealthProbe {
  constructor(
    @Inject(FeedbackStoreService) private readonly stores: FeedbackStoreService,
    @Inject(FEEDBACK_ADVISOR) private readonly advisor: FeedbackAdvisor | null,
  ) {}

  describe(): Record<string, unknown> {
    return this.stores.describe();
  }

  async probe(): Promise<Record<string, unknown>> {
    await (await this.stores.store()).lastSequence();
    return this.advisor ? { pendingAnswers: this.advisor.pendingCount } : {};
  }
}
