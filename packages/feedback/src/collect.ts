// `@repo/feedback/collect`: what an app needs to hand out response ids and check feedback bodies,
// without the store's SQL stack (drizzle, PGlite, pg). A chat app imports this at boot and the
// main entry (`createFeedbackStore`) only when the first feedback arrives, so its start-up stays
// as fast as before feedback existed.
export {
  createFeedbackAdvisor,
  FEEDBACK_ADVISOR_DEFAULTS,
  FEEDBACK_RESPONSE_ID,
} from './advisor/feedback-advisor.js';
export type {
  FeedbackAdvisor,
  FeedbackAdvisorOptions,
  FeedbackPersistMode,
} from './advisor/feedback-advisor-options.js';
export { samplingParameters } from './advisor/feedback-target-input.js';
export { unknownResponse } from './advisor/unknown-response.js';
export { ANNOTATOR_KINDS, FEEDBACK_KINDS, RATING_SCALES } from './store/feedback-types.js';
export type { FeedbackTarget, TargetInput } from './store/feedback-types.js';
export type { FeedbackStore } from './store/feedback-store.js';
export { FEEDBACK_LIMITS } from './store/field-checks.js';
