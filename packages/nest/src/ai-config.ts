// The AI part of an app's config (docs/conventions.md rule 10): every variable of docs/architecture.md "Provider
// configuration" (names from @repo/providers, never retyped) validated with zod at boot, so a typo
// fails the boot with one message listing each bad variable (Spring Boot's failure analyzer).
import { AiError } from '@repo/core';
import {
  missingProviderVariables,
  PROVIDER_ENV_VARS,
  PROVIDER_NAMES,
  PROVIDER_PRESETS,
  type ModelRegistryOptions,
  type ProviderName,
} from '@repo/providers';
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

/** Extra knobs on top of the provider variables (AI_* is passed through by turbo). */
export const AI_TUNING_ENV_VARS = ['AI_MAX_RETRIES', 'AI_TIMEOUT_MS'] as const;

export interface AiConfig {
  /** The provider variables that are set (trimmed; blank means unset). */
  env: Env;
  /** Registry options derived from AI_MAX_RETRIES / AI_TIMEOUT_MS. */
  registry: ModelRegistryOptions;
}

export interface AiConfigIssue {
  variable: string;
  reason: string;
}

/** The config is invalid; the message lists every bad variable, one per line. */
export class AiConfigError extends AiError {
  readonly issues: AiConfigIssue[];

  constructor(issues: AiConfigIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.variable}: ${issue.reason}`);
    super(
      `Invalid AI configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}); fix these environment variables (see .env.example):\n${lines.join('\n')}`,
      {
        code: 'invalid_config',
        kind: 'invalid_input',
        details: issues.map((issue) => ({ field: issue.variable, reason: issue.reason })),
      },
    );
    this.issues = issues;
  }
}

const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());
const providerName = z.enum(PROVIDER_NAMES, {
  error: (issue) =>
    `"${String(issue.input)}" is not a provider; use one of ${PROVIDER_NAMES.join(', ')}`,
});
const url = z.url({ error: 'must be an http(s) URL, e.g. https://api.example.com/v1' });
const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const shape: Record<string, z.ZodType> = {};
for (const variable of PROVIDER_ENV_VARS) {
  if (variable === 'AI_PROVIDER' || variable === 'EMBEDDING_PROVIDER')
    shape[variable] = optional(providerName);
  else if (variable.endsWith('_BASE_URL')) shape[variable] = optional(url);
  else shape[variable] = optional(z.string().trim());
}
shape.AI_MAX_RETRIES = optional(integer(0, 10));
shape.AI_TIMEOUT_MS = optional(integer(1, 600_000));

const schema = z.object(shape).superRefine((env, ctx) => {
  const check = (variable: 'AI_PROVIDER' | 'EMBEDDING_PROVIDER') => {
    const name = env[variable] as ProviderName | undefined;
    if (!name) return;
    const missing = missingProviderVariables(name, env as Env);
    if (missing.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: [variable],
        message: `${name} is not configured; set ${missing.join(' and ')}`,
      });
    if (variable === 'EMBEDDING_PROVIDER' && !PROVIDER_PRESETS[name].hasEmbeddings)
      ctx.addIssue({
        code: 'custom',
        path: [variable],
        message: `${PROVIDER_PRESETS[name].label} has no embeddings endpoint; pick another provider or leave it unset`,
      });
  };
  check('AI_PROVIDER');
  check('EMBEDDING_PROVIDER');
});

/** Validates the AI variables of `env`; throws one `AiConfigError` listing every problem. */
export function parseAiConfig(env: Env = process.env): AiConfig {
  const input: Env = {};
  for (const variable of [...PROVIDER_ENV_VARS, ...AI_TUNING_ENV_VARS])
    input[variable] = env[variable];
  const result = schema.safeParse(input);
  if (!result.success)
    throw new AiConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'environment'),
        reason: issue.message,
      })),
    );
  const parsed = result.data as Record<string, string | number | undefined>;
  const clean: Env = {};
  for (const variable of PROVIDER_ENV_VARS) {
    const value = parsed[variable];
    if (value !== undefined) clean[variable] = String(value);
  }
  const registry: ModelRegistryOptions = {};
  if (parsed.AI_MAX_RETRIES !== undefined)
    registry.retry = { maxRetries: Number(parsed.AI_MAX_RETRIES) };
  if (parsed.AI_TIMEOUT_MS !== undefined) registry.timeoutMs = Number(parsed.AI_TIMEOUT_MS);
  return { env: clean, registry };
}
