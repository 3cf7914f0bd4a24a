// Body of `POST /api/fine-tuning/jobs`. Types and ranges are checked here (400 naming the field);
// datasets, backend and model by JobsService.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

/** An alias is a chat model name of its own: no `:` (that is `provider:model`). */
export const ALIAS = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class CreateJobDto extends createZodDto(
  z.strictObject({
    trainingDataset: z.string().min(1).max(100).meta({ example: 'ds-mxdvwe1e-9488b869' }),
    validationDataset: z.string().min(1).max(100).optional(),
    backend: z.string().min(1).max(32).optional().meta({ example: 'local-llm' }),
    model: z
      .string()
      .regex(/^[\w.:-]{1,100}$/, { error: 'must be a model id' })
      .optional(),
    method: z.enum(['supervised', 'dpo']).optional(),
    suffix: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,40}$/, { error: 'must be 1 to 40 letters, digits, . _ or -' })
      .optional(),
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    hyperparameters: z
      .strictObject({
        nEpochs: z.number().int().min(1).max(50).optional(),
        batchSize: z.number().int().min(1).max(256).optional(),
        learningRateMultiplier: z.number().gt(0).max(10).optional(),
        beta: z.number().gt(0).max(2).optional(),
      })
      .optional(),
    alias: z
      .string()
      .regex(ALIAS, { error: 'must be 1 to 64 letters, digits, . _ or - (no ":")' })
      .optional()
      .meta({ example: 'my-tiny-gpt' }),
  }),
) {}

export type CreateJobBody = InstanceType<typeof CreateJobDto>;
