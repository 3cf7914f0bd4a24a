// The app's own settings (docs/conventions.md rule 10), validated at boot in one message; the AI
// variables are validated by AiModule. Beyond loopback the labelling API needs its own admin
// token: annotators get in through per-campaign invite links, everyone else through that token.
import {
  databaseUrlVar,
  isLoopbackHost,
  parseEnvConfig,
  serverVars,
  wholeNumberVar,
  type Env,
} from '@repo/nest';
import { z } from 'zod';
import { DEFAULT_DATA_URL } from './data-folder.js';

const schema = z
  .object({
    ...serverVars(3007),
    DATABASE_URL: databaseUrlVar(DEFAULT_DATA_URL),
    /** Creating campaigns, listing them and exporting need `Authorization: Bearer <this>`. */
    FEEDBACK_ADMIN_TOKEN: z
      .string()
      .trim()
      .min(16, { error: 'must be at least 16 characters' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Candidates of one campaign generated at once. */
    FEEDBACK_CONCURRENCY: wholeNumberVar(1, 32).default(4),
    /** Campaigns generating at once; one more is answered 429 with Retry-After. */
    FEEDBACK_MAX_GENERATING: wholeNumberVar(1, 16).default(2),
    /** Bootstrap rounds of the leaderboard's intervals. */
    FEEDBACK_BOOTSTRAP_ROUNDS: wholeNumberVar(10, 10_000).default(200),
  })
  .superRefine((config, context) => {
    if (!isLoopbackHost(config.HOST) && !config.FEEDBACK_ADMIN_TOKEN && !config.TRUSTED_NETWORK)
      context.addIssue({
        code: 'custom',
        path: ['FEEDBACK_ADMIN_TOKEN'],
        message:
          'is required beyond loopback (HOST is not 127.0.0.1): without it anyone on the network could create campaigns and export votes',
      });
  });

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  const config = parseEnvConfig(schema, env);
  // The shell asks for API_TOKEN beyond loopback; here the admin token and invites guard every
  // route that holds data (API_TOKEN does not apply to them, see configure-app.ts).
  return {
    ...config,
    TRUSTED_NETWORK: config.TRUSTED_NETWORK || config.FEEDBACK_ADMIN_TOKEN !== undefined,
  };
}
