// Job records in SQL through @repo/storage (PGlite in memory or on disk, or PostgreSQL), so an app
// picks its jobs up again after a restart from the database it already has. A put is one upsert
// on (backend, job id); this package's migrations run first, in their own migrations table.
import { fileURLToPath } from 'node:url';
import type { Database } from '@repo/storage';
import { and, asc, eq } from 'drizzle-orm';
import type { JobRecord, JobRecordStore } from './job-records.js';
import type { JobStatus } from './job-types.js';
import { fineTuningJobs } from './sql-schema.js';

/** The drizzle-kit migrations of this package (committed in packages/fine-tuning/drizzle). */
export const FINE_TUNING_MIGRATIONS_FOLDER = fileURLToPath(
  new URL('../../drizzle', import.meta.url),
);

type Row = typeof fineTuningJobs.$inferSelect;

/** Applies this package's migrations (idempotent), then returns the store. */
export async function createSqlJobRecordStore(database: Database): Promise<JobRecordStore> {
  await database.migrate({
    packageName: 'fine-tuning',
    migrationsFolder: FINE_TUNING_MIGRATIONS_FOLDER,
  });
  const { db } = database;
  const first = async (where: ReturnType<typeof and>) => {
    const [row] = await db.select().from(fineTuningJobs).where(where).limit(1);
    return row && fromRow(row);
  };
  return {
    get: (backend, jobId) =>
      first(and(eq(fineTuningJobs.backend, backend), eq(fineTuningJobs.jobId, jobId))),
    findByIdempotencyKey: (backend, key) =>
      first(and(eq(fineTuningJobs.backend, backend), eq(fineTuningJobs.idempotencyKey, key))),
    async put(record) {
      const row = toRow(record);
      const { backend: _backend, jobId: _jobId, ...changes } = row;
      await db
        .insert(fineTuningJobs)
        .values(row)
        .onConflictDoUpdate({
          target: [fineTuningJobs.backend, fineTuningJobs.jobId],
          set: changes,
        });
    },
    async list() {
      const rows = await db
        .select()
        .from(fineTuningJobs)
        .orderBy(asc(fineTuningJobs.updatedAt), asc(fineTuningJobs.jobId));
      return rows.map(fromRow);
    },
  };
}

function toRow(record: JobRecord): Row {
  return {
    backend: record.backend,
    jobId: record.jobId,
    idempotencyKey: record.idempotencyKey ?? null,
    spec: record.spec,
    status: record.status,
    rawStatus: record.rawStatus,
    fineTunedModel: record.fineTunedModel ?? null,
    alias: record.alias ?? null,
    updatedAt: record.updatedAt,
  };
}

function fromRow(row: Row): JobRecord {
  return {
    jobId: row.jobId,
    backend: row.backend,
    ...(row.idempotencyKey === null ? {} : { idempotencyKey: row.idempotencyKey }),
    spec: row.spec,
    status: row.status as JobStatus,
    rawStatus: row.rawStatus,
    ...(row.fineTunedModel === null ? {} : { fineTunedModel: row.fineTunedModel }),
    ...(row.alias === null ? {} : { alias: row.alias }),
    updatedAt: row.updatedAt,
  };
}
