// The suite file, promptfoo's keys (`prompts`, `providers`, `tests[].vars`, `tests[].assert[]`,
// `defaultTest`) as zod schemas. Objects are strict so a typo (`asert:`) is reported at its line
// instead of silently testing nothing; promptfoo keys we accept but do not use are listed as such.
import { z } from 'zod';

const vars = z.record(z.string(), z.unknown());

/** `openai:gpt-4o-mini`-style id, or `{text, embedding}` for model-graded assertions' graders. */
const graderProvider = z.union([
  z.string().min(1),
  z.strictObject({ text: z.string().min(1).optional(), embedding: z.string().min(1).optional() }),
]);

export const assertionSchema = z.strictObject({
  type: z.string().min(1),
  value: z.unknown().optional(),
  threshold: z.number().optional(),
  weight: z.number().min(0).optional(),
  metric: z.string().min(1).optional(),
  provider: graderProvider.optional(),
  /** Our addition: options for one assertion (`{n: 2}` for rouge-n, `{maxN: 2}` for bleu). */
  config: z.record(z.string(), z.unknown()).optional(),
});

const testOptions = z.strictObject({ provider: graderProvider.optional() });

export const testSchema = z.strictObject({
  description: z.string().optional(),
  vars: vars.optional(),
  assert: z.array(assertionSchema).optional(),
  /** The test passes when its weighted score reaches this, even if an assertion failed. */
  threshold: z.number().min(0).max(1).optional(),
  options: testOptions.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const message = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

export const promptSchema = z.union([
  z.string().min(1),
  z.strictObject({ raw: z.string().min(1), label: z.string().min(1).optional() }),
  z.strictObject({ messages: z.array(message).min(1), label: z.string().min(1).optional() }),
]);

const prices = z.strictObject({
  /** US dollars per million prompt tokens. */
  inputPerMillion: z.number().min(0),
  /** US dollars per million completion tokens. */
  outputPerMillion: z.number().min(0),
});

export const providerSchema = z.union([
  z.string().min(1),
  z.strictObject({
    id: z.string().min(1),
    label: z.string().min(1).optional(),
    config: z
      .strictObject({
        temperature: z.number().min(0).max(2).optional(),
        maxTokens: z.number().int().positive().optional(),
        seed: z.number().int().optional(),
        system: z.string().optional(),
        prices: prices.optional(),
        /** OpenAI's `response_format`, as promptfoo passes it to OpenAI providers. */
        response_format: z
          .union([
            z.strictObject({ type: z.literal('text') }),
            z.strictObject({ type: z.literal('json_object') }),
            z.strictObject({
              type: z.literal('json_schema'),
              json_schema: z.strictObject({
                name: z.string().min(1),
                schema: z.record(z.string(), z.unknown()),
                description: z.string().optional(),
                strict: z.boolean().optional(),
              }),
            }),
          ])
          .optional(),
      })
      .optional(),
  }),
]);

export const suiteSchema = z.strictObject({
  description: z.string().optional(),
  prompts: z.array(promptSchema).min(1),
  providers: z.array(providerSchema).min(1),
  tests: z.array(testSchema).min(1),
  defaultTest: testSchema.omit({ description: true }).optional(),
  /** `maxConcurrency` is the default concurrency (the CLI's `--concurrency` wins). */
  evaluateOptions: z
    .strictObject({
      maxConcurrency: z.number().int().positive().optional(),
    })
    .optional(),
  /** Accepted for promptfoo compatibility and ignored: `--output` says where reports go. */
  outputPath: z.unknown().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export type SuiteFile = z.infer<typeof suiteSchema>;
export type SuiteAssertionInput = z.infer<typeof assertionSchema>;
