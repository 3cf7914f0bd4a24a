// The app's own settings (docs/conventions.md rule 10), validated at boot; the AI variables are validated
// by AiModule. HOST defaults to loopback: demos spend keys, so they don't listen on workshop Wi-Fi.
import { type Env, parseEnvConfig, serverVars } from '@repo/nest';
import { z } from 'zod';

const schema = z.object({
  ...serverVars(3000),
});

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
