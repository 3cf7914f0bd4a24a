// The app's own settings (HOUSE-STYLE rule 10), validated at boot; the AI variables are validated
// by AiModule. HOST defaults to loopback: demos spend keys, so they don't listen on workshop Wi-Fi.
import { parseEnvConfig, type Env, portVar, hostVar } from '@repo/nest';
import { z } from 'zod';

const schema = z.object({
  PORT: portVar(3000),
  HOST: hostVar(),
});

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
