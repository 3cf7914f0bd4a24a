// The app's own settings (docs/conventions.md rule 10), validated at boot in one message; the AI variables
// are validated by AiModule. EVAL_JUDGE is checked against those variables too, so a judge whose
// provider has no key fails the boot instead of every run.
import { databaseUrlVar, type Env, parseEnvConfig, serverVars, wholeNumberVar } from '@repo/nest';
import { isProviderName, missingProviderVariables, PROVIDER_NAMES } from '@repo/providers';
import { z } from 'zod';
import { DEFAULT_DATA_URL, SUITES_FOLDER } from './data-folder.js';

/** `provider` or `provider:model` (`deepseek`, `qwen:qwen-max`, `ollama:qwen3:8b`). */
const judge = (env: Env) =>
  z
    .string()
    .trim()
    .superRefine((value, context) => {
      const provider = value.split(':')[0] ?? '';
      if (!isProviderName(provider))
        context.addIssue({
          code: 'custom',
          message: `"${provider}" is not a provider; use provider[:model] with one of ${PROVIDER_NAMES.join(', ')}`,
        });
      else if (missingProviderVariables(provider, env).length > 0)
        context.addIssue({
          code: 'custom',
          message: `the ${provider} provider is not configured; set ${missingProviderVariables(provider, env).join(' and ')}`,
        });
    });

const schema = (env: Env) =>
  z.object({
    ...serverVars(3006),
    DATABASE_URL: databaseUrlVar(DEFAULT_DATA_URL),
    /** Judge of /api/eval/relevancy and of model-graded assertions; default: the default model. */
    EVAL_JUDGE: judge(env).optional(),
    EVAL_CONCURRENCY: wholeNumberVar(1, 32).default(4),
    /** Runs in flight at once (being checked or running, whatever the provider); one more is a 429. */
    EVAL_MAX_RUNNING: wholeNumberVar(1, 16).default(4),
    /** Cases (tests × prompts × providers) one run may make; a larger suite is a 400. */
    EVAL_MAX_CASES: wholeNumberVar(1, 100_000).default(2000),
    /** Grading one case's output (or parsing a posted suite) is stopped after this long. */
    EVAL_GRADING_TIMEOUT_MS: wholeNumberVar(100, 600_000).default(10_000),
    /** Worker threads for grading and parsing; default: the CPUs but one, 1 to 4. */
    EVAL_WORKER_THREADS: wholeNumberVar(1, 64).optional(),
    EVAL_SUITES_DIR: z.string().trim().min(1).default(SUITES_FOLDER),
  });

export type AppConfig = z.infer<ReturnType<typeof schema>>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema(env), env);
}
