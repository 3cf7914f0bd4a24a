// The app's own settings (docs/conventions.md rule 10), validated at boot in one message; the AI variables
// are validated by AiModule. HOST defaults to loopback: demos spend keys and read files, so they
// don't listen on workshop Wi-Fi.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Env, parseEnvConfig, serverVars, wholeNumberVar } from '@repo/nest';
import { z } from 'zod';

/** The bundled sample folder (src/ and dist/ both sit one level below the app folder). */
export const DEFAULT_FILES_ROOT = fileURLToPath(new URL('../data', import.meta.url));

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const schema = z.object({
  ...serverVars(3002),
  /** The only folder readFile/listFiles may touch (the seed's reader took any path). */
  TOOLS_FILES_ROOT: z
    .string()
    .trim()
    .default(DEFAULT_FILES_ROOT)
    .refine(isFolder, { error: 'must be an existing folder' }),
  TOOLS_MAX_ITERATIONS: wholeNumberVar(1, 50).default(10),
  /** Freezes the date-time tool's clock, so documented outputs and workshop slides are exact. */
  TOOLS_FIXED_TIME: z.iso
    .datetime({ offset: true, error: 'must be an ISO date-time, e.g. 2025-06-01T12:00:00Z' })
    .optional(),
  STEPS_TTL_MINUTES: wholeNumberVar(1, 1440).default(30),
  STEPS_MAX_CONVERSATIONS: wholeNumberVar(1, 100_000).default(1000),
});

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
