// The feedback store's part of /health (list it in AppShellModule's `health.probes`): the answers
// held for feedback and, once something has used the store, one cheap query on it (down with the
// reason: the PGlite folder in use, the server unreachable). Before that it reports
// `opened: false` instead of opening it: an app nobody has given feedback to keeps paying nothing,
// and a health check never takes a PGlite folder's lock.
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
    const opened = this.stores.requested;
    if (opened) await (await this.stores.store()).lastSequence();
    return { opened, ...(this.advisor ? { pendingAnswers: this.advisor.pendingCount } : {}) };
  }
}
