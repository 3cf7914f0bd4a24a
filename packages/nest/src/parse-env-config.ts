// docs/conventions.md rule 10: an app validates its whole config at boot and fails with one clear message.
// Every app's `parseAppConfig` is this over its own zod schema: the variables the schema names,
// blank values (an empty line of .env) treated as unset, every problem listed at once, by variable
// and rule, never by value (some are secrets).
import type { z } from 'zod';
import type { Env } from './ai-config.js';

export function parseEnvConfig<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  env: Env = process.env,
): z.output<z.ZodObject<Shape>> {
  const result = schema.safeParse(readEnvFor(schema, env));
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  - ${String(issue.path[0])}: ${issue.message}`,
  );
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}

/** The variables `schema` names, trimmed, with blank values (an empty line of .env) as unset. */
export function readEnvFor(
  schema: z.ZodObject<z.ZodRawShape>,
  env: Env = process.env,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key]?.trim() || undefined]),
  );
}
