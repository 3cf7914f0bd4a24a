// docs/conventions.md rule 10: an app validates its whole config at boot and fails with one clear message.
// Every app's `parseAppConfig` is this over its own zod schema: the variables the schema names,
// blank values (an empty line of .env) treated as unset, every problem listed at once, by variable
// and rule, never by value (some are secrets).
import { InvalidInputError, type InvalidInputDetail } from '@repo/core';
import type { z } from 'zod';
import type { Env } from './ai-config.js';

export function parseEnvConfig<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  env: Env = process.env,
): z.output<z.ZodObject<Shape>> {
  const result = schema.safeParse(readEnvFor(schema, env));
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: String(issue.path[0]),
    reason: issue.message,
  }));
  throw configError(details);
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

/** The one boot-time config message: every problem, one line each, by variable and rule. */
export function configError(details: InvalidInputDetail[]): InvalidInputError {
  const lines = details.map(({ field, reason }) => `  - ${field}: ${reason}`);
  return new InvalidInputError(`Invalid configuration:\n${lines.join('\n')}`, details, {
    code: 'invalid_config',
  });
}
