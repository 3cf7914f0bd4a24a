// The SQL table behind createSqlJobRecordStore: one row per (backend, job id), rewritten as the
// job's status changes. The spec is JSON (file ids and settings, never a credential).
import { bigint, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { JobSpec } from './job-types.js';

export const fineTuningJobs = pgTable(
  'fine_tuning_jobs',
  {
    backend: text('backend').notNull(),
    jobId: text('job_id').notNull(),
    idempotencyKey: text('idempotency_key'),
    spec: jsonb('spec').$type<JobSpec>().notNull(),
    status: text('status').notNull(),
    rawStatus: text('raw_status').notNull(),
    fineTunedModel: text('fine_tuned_model'),
    alias: text('alias'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.backend, table.jobId] }),
    index('fine_tuning_jobs_idempotency').on(table.backend, table.idempotencyKey),
    index('fine_tuning_jobs_updated').on(table.updatedAt),
  ],
);
