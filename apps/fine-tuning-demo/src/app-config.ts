// The app's own settings (docs/conventions.md rule 10), validated at boot in one message; the AI
// variables of the chat models are validated by AiModule. OPENAI_API_KEY and DASHSCOPE_API_KEY
// switch their job backends on; they are read here only, never logged or stored.
import { databaseUrlVar, parseEnvConfig, serverVars, wholeNumberVar, type Env } from '@repo/nest';
import { z } from 'zod';
import { DATA_FOLDER, DEFAULT_DATA_URL } from './data-folder.js';

const schema = z.object({
  ...serverVars(3008),
  /**
   * `file:<folder>` keeps datasets, jobs and local-llm's runs there (job records in PGlite inside);
   * `memory://` a temporary folder; `postgres://…` keeps the job records in PostgreSQL and the
   * files in FINE_TUNING_DATA_DIR.
   */
  DATABASE_URL: databaseUrlVar(DEFAULT_DATA_URL),
  /** With a PostgreSQL DATABASE_URL: the folder of datasets, comparisons and local-llm's runs. */
  FINE_TUNING_DATA_DIR: z.string().trim().min(1).default(DATA_FOLDER),
  /** Largest dataset upload, in bytes (one more is a 413). */
  FINE_TUNING_MAX_UPLOAD_BYTES: wholeNumberVar(1024, 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  /** Unfinished jobs at once; one more submit is a 429 with Retry-After. */
  FINE_TUNING_MAX_ACTIVE_JOBS: wholeNumberVar(1, 100).default(4),
  /** Between two polls of a job that is followed (local-llm answers in-process: poll often). */
  FINE_TUNING_POLL_MS: wholeNumberVar(50, 600_000).default(500),
  OPENAI_API_KEY: z.string().optional(),
  DASHSCOPE_API_KEY: z.string().optional(),
});

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
