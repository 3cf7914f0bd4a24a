// Each provider's status words → the one JobStatus. Unknown words map to `unknown` (the raw word
// is kept on the job as `rawStatus`), so a provider adding a status never breaks a follower.
import type { JobStatus } from './job-types.js';

export type StatusTable = Readonly<Record<string, JobStatus>>;

// https://platform.openai.com/docs/api-reference/fine-tuning/object (`status`)
export const OPENAI_STATUSES: StatusTable = {
  validating_files: 'validating',
  queued: 'queued',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  paused: 'paused',
};

// Azure OpenAI's job API reports `cancelling` while a cancel is in flight.
export const AZURE_STATUSES: StatusTable = { ...OPENAI_STATUSES, cancelling: 'cancelling' };

// https://docs.together.ai/reference/get-fine-tunes-id (`status` enum)
export const TOGETHER_STATUSES: StatusTable = {
  pending: 'queued',
  queued: 'queued',
  running: 'running',
  compressing: 'running',
  uploading: 'running',
  cancel_requested: 'cancelling',
  cancelled: 'cancelled',
  error: 'failed',
  completed: 'succeeded',
};

// https://help.aliyun.com/en/model-studio/fine-tuning-job-object-api (`output.status`)
export const DASHSCOPE_STATUSES: StatusTable = {
  PENDING: 'queued',
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  CANCELED: 'cancelled',
};

export function mapStatus(table: StatusTable, raw: string): JobStatus {
  return Object.hasOwn(table, raw) ? (table[raw] ?? 'unknown') : 'unknown';
}
