// The app's own settings (HOUSE-STYLE rule 10), validated at boot; the AI variables are validated
// by AiModule. HOST defaults to loopback: demos spend keys, so they don't listen on workshop Wi-Fi.
import { parseEnvConfig, type Env } from '@repo/nest';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be between 0 and 65535' })
    .max(65535, { error: 'must be between 0 and 65535' })
    .default(3000),
  HOST: z.string().trim().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
});

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
