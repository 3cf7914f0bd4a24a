// Body of `POST /api/feedback/campaigns`. Types are checked here; sizes, blanks and repeats by
// @repo/feedback (one 400 naming every field), and model names by CandidateModelsService.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

/** Campaign ids end up in task ids (`<campaign>:<n>`), so they hold no `:`. */
export const CAMPAIGN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class CreateCampaignDto extends createZodDto(
  z.strictObject({
    /** Client-chosen id, so a retried create is stored once; default a new UUID. */
    id: z
      .string()
      .regex(CAMPAIGN_ID, { error: 'must be 1 to 64 letters, digits, _ or -' })
      .optional(),
    name: z.string().meta({ example: '客服回答对比 · support answers' }),
    prompts: z
      .array(z.string())
      .meta({ example: ['退货政策是什么？', 'How do I reset my password?'] }),
    models: z.array(z.string()).meta({ example: ['local-detailed', 'local-brief'] }),
    overlap: z.number().int().optional().meta({ example: 2 }),
    dailyCap: z.number().int().optional(),
    rubricVersion: z.string().optional(),
    system: z.string().optional(),
    gold: z
      .array(z.strictObject({ prompt: z.string(), better: z.string(), worse: z.string() }))
      .optional(),
  }),
) {}
