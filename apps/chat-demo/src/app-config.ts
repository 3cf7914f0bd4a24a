// The app's own settings (docs/conventions.md rule 10), validated at boot; the AI variables are validated
// by AiModule. HOST defaults to loopback: demos spend keys, so they don't listen on workshop Wi-Fi.
// DATABASE_URL is where feedback on answers is stored (opened by the first feedback).
import { databaseUrlVar, type Env, parseEnvConfig, serverVars } from '@repo/nest';
import { z } from 'zod';
import { DEFAULT_DATA_URL } from './data-folder.js';

const schema = z.object({
  ...serverVars(3000),
  DATABASE_URL: databaseUrlVar(DEFAULT_DATA_URL),
});

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
