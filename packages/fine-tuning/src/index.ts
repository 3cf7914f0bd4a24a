// Public API of @repo/fine-tuning: dataset validation, statistics, estimates and conversions;
// job submission to hosted APIs and the local trainer, job records and fine-tuned model aliases.
// Datasets: streaming validation, statistics and estimates (src/dataset).
export { validateDataset, MIN_TRAINING_EXAMPLES } from './dataset/validate-dataset.js';
export type {
  DatasetReport,
  FileReport,
  ValidateDatasetOptions,
} from './dataset/validate-dataset.js';
export { ISSUE_SEVERITY } from './dataset/dataset-issues.js';
export type { DatasetIssue, IssueCode } from './dataset/dataset-issues.js';
export type { DatasetStats } from './dataset/dataset-stats.js';
export type { Summary } from './dataset/distribution.js';
export { readLines, DEFAULT_MAX_LINE_BYTES } from './dataset/read-lines.js';
export type { LineSource, RawLine, ReadLinesOptions } from './dataset/read-lines.js';
export { DEFAULT_CONTEXT_TOKENS, MODEL_LIMITS, resolveLimits } from './dataset/model-limits.js';
export type { EncodingName, LimitOverrides, ModelLimits } from './dataset/model-limits.js';
export { loadTokenizer, countExampleTokens } from './dataset/count-tokens.js';
export type { ExampleTokens, Tokenizer } from './dataset/count-tokens.js';
export {
  defaultEpochs,
  estimateCost,
  MAX_DEFAULT_EPOCHS,
  MAX_TARGET_EXAMPLES,
  MIN_DEFAULT_EPOCHS,
  MIN_TARGET_EXAMPLES,
  TARGET_EPOCHS,
} from './dataset/estimate-cost.js';
export type { CostEstimate, PriceTable } from './dataset/estimate-cost.js';
export { estimateOpenModel } from './dataset/estimate-open-model.js';
export type { OpenModelEstimate, OpenModelInput } from './dataset/estimate-open-model.js';
// Conversions between training-data formats, split, dedupe and export bundles (src/convert).
export {
  convertLine,
  convertLines,
  readRecords,
  readRow,
  ROW_FORMATS,
  writeRecords,
  writeRow,
} from './convert/convert-rows.js';
export type { ConvertOptions, RowFormat } from './convert/convert-rows.js';
export type { RowPlace } from './convert/refuse.js';
export { readOpenAiRow, writeOpenAiRow } from './convert/openai-rows.js';
export { readTrlRow, writeTrlRow } from './convert/trl-rows.js';
export { readShareGptRow, writeShareGptRow } from './convert/sharegpt-rows.js';
export type { ShareGptRow } from './convert/sharegpt-rows.js';
export type { ShareGptRole, ShareGptTurn } from './convert/sharegpt-turns.js';
export { readAlpacaRow, writeAlpacaRow } from './convert/alpaca-rows.js';
export type { AlpacaRow } from './convert/alpaca-rows.js';
export { datasetInfoEntry } from './convert/dataset-info.js';
export type { DatasetInfoEntry } from './convert/dataset-info.js';
export { normaliseRow, rowHash } from './convert/row-hash.js';
export { splitDataset, splitSideOf } from './convert/split-dataset.js';
export type { SplitOptions, SplitSide } from './convert/split-dataset.js';
export { createDeduper, dedupe } from './convert/dedupe.js';
export type { DedupeResult, DuplicateRow } from './convert/dedupe.js';
export { loraAdapters, planTraining, USABLE_SHARE } from './convert/plan-training.js';
export type { GpuSpec, ModelSpec, PlanCandidate, TrainingPlan } from './convert/plan-training.js';
export { deepspeedConfig } from './convert/deepspeed-config.js';
export { writeExportBundle } from './convert/write-export-bundle.js';
export type { ExportBundle, ExportBundleOptions } from './convert/write-export-bundle.js';
// Jobs behind one interface: OpenAI (SDK; Azure, OpenAI-compatible, local-llm), DashScope and
// Together (fetch), following a job, job records (src/jobs).
export { isTerminal, TERMINAL_STATUSES } from './jobs/job-types.js';
export type {
  Checkpoint,
  CreateJobOptions,
  FineTuningBackend,
  Job,
  JobError,
  JobEvent,
  JobHyperparameters,
  JobSpec,
  JobStatus,
  UploadSource,
} from './jobs/job-types.js';
export {
  AZURE_STATUSES,
  DASHSCOPE_STATUSES,
  mapStatus,
  OPENAI_STATUSES,
  TOGETHER_STATUSES,
} from './jobs/status-maps.js';
export type { StatusTable } from './jobs/status-maps.js';
export { createOpenAiJobsBackend } from './jobs/openai-backend.js';
export type { OpenAiJobsBackendOptions } from './jobs/openai-backend.js';
export { createDashScopeJobsBackend } from './jobs/dashscope-backend.js';
export type { DashScopeJobsBackendOptions } from './jobs/dashscope-backend.js';
export { createTogetherJobsBackend } from './jobs/together-backend.js';
export type { TogetherJobsBackendOptions } from './jobs/together-backend.js';
export { followJob } from './jobs/follow-job.js';
export type { FollowJobOptions } from './jobs/follow-job.js';
export { createJsonFolderJobRecordStore, createMemoryJobRecordStore } from './jobs/job-records.js';
export { createSqlJobRecordStore, FINE_TUNING_MIGRATIONS_FOLDER } from './jobs/sql-job-records.js';
export { followRecordedJobs } from './jobs/follow-recorded-jobs.js';
export type { FollowOutcome, FollowRecordedJobsOptions } from './jobs/follow-recorded-jobs.js';
export {
  chatModelRef,
  PROVIDER_OF_BACKEND,
  registerFineTunedModel,
} from './jobs/fine-tuned-models.js';
export type { JobRecord, JobRecordStore } from './jobs/job-records.js';
export { UnsupportedJobOperationError } from './jobs/jobs-errors.js';
