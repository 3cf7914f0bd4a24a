// Eval runs in SQL through @repo/storage: PGlite in memory or on disk, or PostgreSQL. Runs are
// kept whole (jsonb) so a report or a comparison can be rebuilt at any time.
import { fileURLToPath } from 'node:url';
import type { Database } from '@repo/storage';
import { desc, eq } from 'drizzle-orm';
import type { EvalRun } from '../eval-run.js';
import type { EvalSuite } from '../suite/eval-suite.js';
import { evalRuns } from './eval-schema.js';

/** The drizzle-kit migrations of this package (committed in packages/evaluation/drizzle). */
export const EVALUATION_MIGRATIONS_FOLDER = fileURLToPath(
  new URL('../../drizzle', import.meta.url),
);

export type StoredRunStatus = 'running' | 'completed' | 'cancelled' | 'failed';

export interface StoredRunInfo {
  id: string;
  name: string;
  status: StoredRunStatus;
  passRate: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface StoredRun extends StoredRunInfo {
  suite: EvalSuite;
  run: EvalRun | null;
}

export interface EvalRunStore {
  start(id: string, suite: EvalSuite): Promise<void>;
  finish(run: EvalRun): Promise<void>;
  fail(id: string, error: string): Promise<void>;
  /** Marks every run still `running` as failed (after a crash or restart); returns how many. */
  failRunning(error: string): Promise<number>;
  get(id: string): Promise<StoredRun | undefined>;
  /** Newest first. */
  list(options?: { limit?: number }): Promise<StoredRunInfo[]>;
}

/** Applies this package's migrations (idempotent), then returns the store. */
export async function createEvalRunStore(database: Database): Promise<EvalRunStore> {
  await database.migrate({
    packageName: 'evaluation',
    migrationsFolder: EVALUATION_MIGRATIONS_FOLDER,
  });
  const { db } = database;
  const info = {
    id: evalRuns.id,
    name: evalRuns.name,
    status: evalRuns.status,
    passRate: evalRuns.passRate,
    error: evalRuns.error,
    createdAt: evalRuns.createdAt,
    finishedAt: evalRuns.finishedAt,
  };
  const toInfo = (row: { [K in keyof typeof info]: unknown }): StoredRunInfo => ({
    id: row.id as string,
    name: row.name as string,
    status: row.status as StoredRunStatus,
    passRate: row.passRate as number | null,
    error: row.error as string | null,
    createdAt: (row.createdAt as Date).toISOString(),
    finishedAt: row.finishedAt ? (row.finishedAt as Date).toISOString() : null,
  });
  return {
    async start(id, suite) {
      await db.insert(evalRuns).values({ id, name: suite.name, status: 'running', suite });
    },
    async finish(run) {
      await db
        .update(evalRuns)
        .set({
          status: run.status,
          passRate: run.summary.passRate,
          run,
          finishedAt: new Date(run.finishedAt),
        })
        .where(eq(evalRuns.id, run.id));
    },
    async fail(id, error) {
      await db
        .update(evalRuns)
        .set({ status: 'failed', error, finishedAt: new Date() })
        .where(eq(evalRuns.id, id));
    },
    async failRunning(error) {
      const rows = await db
        .update(evalRuns)
        .set({ status: 'failed', error, finishedAt: new Date() })
        .where(eq(evalRuns.status, 'running'))
        .returning({ id: evalRuns.id });
      return rows.length;
    },
    async get(id) {
      const [row] = await db
        .select({ ...info, suite: evalRuns.suite, run: evalRuns.run })
        .from(evalRuns)
        .where(eq(evalRuns.id, id));
      return row
        ? {
            ...toInfo(row),
            suite: row.suite as EvalSuite,
            run: (row.run as EvalRun | null) ?? null,
          }
        : undefined;
    },
    async list(options = {}) {
      const rows = await db
        .select(info)
        .from(evalRuns)
        .orderBy(desc(evalRuns.createdAt))
        .limit(options.limit ?? 100);
      return rows.map(toInfo);
    },
  };
}
