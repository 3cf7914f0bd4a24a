// Finds the target feedback names, stored by the time it returns: an answer the advisor holds is
// written first, any other id is read from the store. An id found nowhere is a 404 naming the
// field, never a 400 or a 500 (the answer may simply have been dropped from memory).
import { Inject, Injectable } from '@nestjs/common';
import { unknownResponse, type FeedbackAdvisor, type FeedbackTarget } from '@repo/feedback/collect';
import { FEEDBACK_ADVISOR } from './feedback-module-definition.js';
import { FeedbackStoreService } from './feedback-store.service.js';

@Injectable()
export class FeedbackTargetsService {
  constructor(
    @Inject(FeedbackStoreService) private readonly stores: FeedbackStoreService,
    @Inject(FEEDBACK_ADVISOR) private readonly advisor: FeedbackAdvisor | null,
  ) {}

  async resolve(responseId: string): Promise<FeedbackTarget> {
    const target = this.advisor
      ? await this.advisor.resolveTarget(responseId)
      : await (await this.stores.store()).getTarget(responseId);
    if (!target) throw unknownResponse(responseId);
    return target;
  }
}
