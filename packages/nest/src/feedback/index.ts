// `@repo/nest/feedback`: FeedbackModule and what apps inject from it. A subpath so that apps
// without feedback never load @repo/feedback, @repo/storage or their database drivers.
export { FeedbackModule } from './feedback-module.js';
export type { FeedbackModuleOptions, FeedbackTargetSource } from './feedback-module-options.js';
export {
  FEEDBACK_ADVISOR,
  FEEDBACK_MODULE_OPTIONS,
  type FeedbackModuleAsyncOptions,
} from './feedback-module-definition.js';
export { FeedbackStoreService } from './feedback-store.service.js';
export { FeedbackTargetsService } from './feedback-targets.service.js';
export { FeedbackHealthProbe } from './feedback-health-probe.js';
export { RESPONSE_ID_HEADER } from './response-id-header.js';
export type { FeedbackView, RecordedFeedbackView, ResponseFeedbackView } from './feedback-views.js';
