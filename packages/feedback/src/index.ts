// Public API of @repo/feedback: RLHF feedback collection. Agreement statistics (how far
// annotators agree, and whether their votes can be trusted), leaderboards from pairwise battles,
// the append-only feedback store and the training-data exports.
export { cohenKappa } from './agreement/cohen-kappa.js';
export type { CohenKappaOptions, KappaResult, KappaWeights } from './agreement/cohen-kappa.js';
export { fleissKappa } from './agreement/fleiss-kappa.js';
export type { FleissKappaResult } from './agreement/fleiss-kappa.js';
export { krippendorffAlpha } from './agreement/krippendorff-alpha.js';
export type {
  KrippendorffAlphaOptions,
  KrippendorffAlphaResult,
  MeasurementLevel,
  ReliabilityData,
} from './agreement/krippendorff-alpha.js';
export type { Label } from './agreement/labels.js';
export { canonicalizeVote } from './agreement/pairwise-votes.js';
export type {
  CanonicalVote,
  PairwiseChoice,
  PairwiseOutcome,
  PairwiseVote,
} from './agreement/pairwise-votes.js';
export { itemAgreement, pairwiseAgreement } from './agreement/pairwise-agreement.js';
export type {
  PairwiseAgreementOptions,
  PairwiseAgreementResult,
} from './agreement/pairwise-agreement.js';
export { positionBias } from './agreement/position-bias.js';
export type { PositionBiasOptions, PositionBiasReport } from './agreement/position-bias.js';
export { assessAnnotators, flagFastVotes } from './agreement/annotator-quality.js';
export type {
  AgreementTally,
  AnnotatorQuality,
  AnnotatorQualityOptions,
  GoldAnswer,
} from './agreement/annotator-quality.js';
export { computeOnlineElo } from './leaderboard/elo.js';
export type { OnlineEloOptions } from './leaderboard/elo.js';
export { fitBradleyTerry } from './leaderboard/bradley-terry.js';
export type { BradleyTerryFit, BradleyTerryOptions } from './leaderboard/bradley-terry.js';
export { bootstrapBradleyTerry } from './leaderboard/bootstrap.js';
export type { BootstrapOptions, BootstrapResult, RatingInterval } from './leaderboard/bootstrap.js';
export { computeBattleCountMatrix, computeWinFractionMatrix } from './leaderboard/matrices.js';
export type {
  BattleCountMatrix,
  MatrixOptions,
  TieHandling,
  WinFractionMatrix,
} from './leaderboard/matrices.js';
export { computeLeaderboard } from './leaderboard/leaderboard.js';
export type { Leaderboard, LeaderboardOptions, LeaderboardRow } from './leaderboard/leaderboard.js';
export { simulateBattles } from './leaderboard/simulate-battles.js';
export type { SimulateBattlesOptions } from './leaderboard/simulate-battles.js';
export type { Battle, BattleWinner } from './leaderboard/battles.js';
export type { EloScaleOptions, RatedModel } from './leaderboard/leaderboard-input.js';
export { createFeedbackStore, FEEDBACK_MIGRATIONS_FOLDER } from './store/create-feedback-store.js';
export type {
  FeedbackCounts,
  FeedbackOrder,
  FeedbackPage,
  FeedbackQuery,
  FeedbackStore,
  FeedbackSummary,
  ListFeedbackOptions,
  RecordFeedbackResult,
} from './store/feedback-store.js';
export {
  ANNOTATOR_KINDS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  PAIRWISE_CHOICES,
  RATING_SCALES,
} from './store/feedback-types.js';
export type {
  Annotator,
  AnnotatorKind,
  CorrectionFeedback,
  CorrectionInput,
  Feedback,
  FeedbackInput,
  FeedbackKind,
  FeedbackProvenance,
  FeedbackStatus,
  FeedbackTarget,
  PairwiseFeedback,
  PairwiseInput,
  RankingFeedback,
  RankingInput,
  RatingFeedback,
  RatingInput,
  RatingScale,
  TargetInput,
  ThumbsFeedback,
  ThumbsInput,
} from './store/feedback-types.js';
export { FEEDBACK_LIMITS } from './store/field-checks.js';
export { feedback, feedbackTargets } from './store/sql-schema.js';
export { toPairwiseVote } from './store/to-pairwise-vote.js';
export { exportFeedback } from './export/export-feedback.js';
export { EXPORT_FORMATS } from './export/export-types.js';
export type {
  DataCard,
  DropReason,
  ExportFilters,
  ExportFormat,
  ExportOptions,
  FeedbackExport,
} from './export/export-types.js';
export { writeExportFiles } from './export/write-export-files.js';
export type { WriteExportFilesOptions } from './export/write-export-files.js';
// The advisor, the body limits and the constants: also the light `@repo/feedback/collect`.
export * from './collect.js';
export { createCampaignStore } from './campaign/create-campaign-store.js';
export type { CampaignStore } from './campaign/campaign-store.js';
export type { CampaignAgreement, CampaignLeaderboard } from './campaign/campaign-results.js';
export { CAMPAIGN_LIMITS } from './campaign/campaign-types.js';
export type {
  Assignment,
  Campaign,
  CampaignInput,
  CampaignLeaderboardOptions,
  CampaignStatus,
  CandidateOutput,
  GenerateCandidate,
  GenerateOptions,
  GenerationProgress,
  GoldItemInput,
  NextAssignment,
  ShownAnswer,
  VoteInput,
  VoteResult,
} from './campaign/campaign-types.js';
export { GOLD_MODEL_BETTER, GOLD_MODEL_WORSE } from './campaign/plan-tasks.js';
export {
  feedbackAssignments,
  feedbackCampaigns,
  feedbackCandidates,
  feedbackTasks,
} from './campaign/campaign-schema.js';
