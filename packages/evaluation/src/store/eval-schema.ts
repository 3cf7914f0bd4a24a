// The SQL table of eval runs (drizzle, PostgreSQL and PGlite). A run is written twice: when it
// starts (status `running`, the suite kept so it can be re-run) and when it ends (the whole
// EvalRun as jsonb, plus the columns a listing needs). Migrations: `npx drizzle-kit generate`.
import { index, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';

export const evalRuns = pgTable(
  'eval_runs',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** running | completed | cancelled | failed */
    status: text('status').notNull(),
    suite: jsonb('suite').notNull(),
    passRate: real('pass_rate'),
    run: jsonb('run'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('eval_runs_created_at_idx').on(table.createdAt)],
);
