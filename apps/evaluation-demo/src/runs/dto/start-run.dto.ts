// Body of `POST /api/eval/runs`: a bundled suite's name (`qa`), YAML text (anything with a
// newline) or a suite object (promptfoo's keys), and optionally how many cases run at once.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class StartRunDto extends createZodDto(
  z.strictObject({
    suite: z
      .union(
        [
          // Not trimmed: YAML problems are reported by line, and leading lines count.
          z
            .string()
            .max(500_000)
            .refine((text) => text.trim() !== '', { error: 'must not be empty' }),
          z.record(z.string(), z.unknown()),
        ],
        {
          error: (issue) =>
            issue.input === undefined
              ? 'is required'
              : 'must be a bundled suite name, YAML text or a suite object',
        },
      )
      .meta({ example: 'qa' }),
    /** Default: the suite's evaluateOptions.maxConcurrency, else EVAL_CONCURRENCY. */
    concurrency: z.number().int().min(1).max(32).optional(),
  }),
) {}
