// FeedbackModule: feedback collection for any app (issue 14). It provides the feedback store
// (opened on first use), the advisor that gives chat answers their response ids
// (FEEDBACK_ADVISOR, added by the app to its chat requests), a /health probe and the routes under
// /api/feedback. Global, like AiModule, so the app's services inject the advisor directly.
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { createFeedbackAdvisor } from '@repo/feedback/collect';
import { FeedbackController } from './feedback.controller.js';
import { FeedbackService } from './feedback.service.js';
import { FeedbackHealthProbe } from './feedback-health-probe.js';
import {
  ConfigurableFeedbackModule,
  FEEDBACK_ADVISOR,
  FEEDBACK_MODULE_OPTIONS,
} from './feedback-module-definition.js';
import type { FeedbackModuleOptions } from './feedback-module-options.js';
import { FeedbackStoreService } from './feedback-store.service.js';
import { FeedbackTargetsService } from './feedback-targets.service.js';

const advisorProvider: Provider = {
  provide: FEEDBACK_ADVISOR,
  useFactory: (options: FeedbackModuleOptions, stores: FeedbackStoreService) =>
    options.targets === 'store'
      ? null
      : createFeedbackAdvisor({ ...options.advisor, store: () => stores.store() }),
  inject: [FEEDBACK_MODULE_OPTIONS, FeedbackStoreService],
};

@Module({
  controllers: [FeedbackController],
  providers: [
    FeedbackStoreService,
    advisorProvider,
    FeedbackTargetsService,
    FeedbackService,
    FeedbackHealthProbe,
  ],
  exports: [FEEDBACK_ADVISOR, FeedbackStoreService, FeedbackTargetsService, FeedbackHealthProbe],
})
export class FeedbackModule extends ConfigurableFeedbackModule {
  static override forRoot(options: FeedbackModuleOptions): DynamicModule {
    return super.forRoot(options);
  }
}
