// The app's own settings (HOUSE-STYLE rule 10), validated at boot in one message; the AI variables
// are validated by AiModule. HOST defaults to loopback: demos spend keys and read files, so they
// don't listen on workshop Wi-Fi.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEnvConfig, type Env } from '@repo/nest';
import { z } from 'zod';

/** The bundled sample folder (src/ and dist/ both sit one level below the app folder). */
export const DEFAULT_FILES_ROOT = fileURLToPath(new URL('../data', import.meta.url));

const whole = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be between ${min} and ${max}` })
    .max(max, { error: `must be between ${min} and ${max}` })
    .default(fallback);

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const schema = z.object({
  PORT: whole(0, 65535, 3002),
  HOST: z.string().trim().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
  /** The only folder readFile/listFiles may touch (the seed's reader took any path). */
  TOOLS_FILES_ROOT: z
    .string()
    .trim()
    .default(DEFAULT_FILES_ROOT)
    .refine(isFolder, { error: 'must be an existing folder' }),
  TOOLS_MAX_ITERATIONS: whole(1, 50, 10),
  /** Freezes the date-time tool's clock, so documented outputs and workshop slides are exact. */
  TOOLS_FIXED_TIME: z.iso
    .datetime({ offset: true, error: 'must be an ISO date-time, e.g. 2025-06-01T12:00:00Z' })
    .optional(),
  STEPS_TTL_MINUTES: whole(1, 1440, 30),
  STEPS_MAX_CONVERSATIONS: whole(1, 100_000, 1000),
});

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
