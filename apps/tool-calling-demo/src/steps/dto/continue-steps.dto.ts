// Body of `POST /api/tools/steps/:conversationId`: one decision per pending tool call. The caller
// either supplies the result itself, asks the server to run the real tool, or declines the call
// (the model reads the reason and carries on).
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

const DECISIONS = ['result', 'execute', 'decline'] as const;

export const decisionSchema = z
  .strictObject({
    toolCallId: z.string().min(1).max(200).meta({ example: 'call_1' }),
    result: z.json().optional().describe('The result, as the tool would have returned it'),
    execute: z.literal(true).optional().describe('Run the real tool on the server'),
    decline: z
      .union([z.literal(true), z.string().trim().min(1).max(1000)])
      .optional()
      .describe('Refuse the call; a text is the reason the model reads'),
  })
  .superRefine((decision, refinement) => {
    const given = DECISIONS.filter((key) => decision[key] !== undefined);
    if (given.length !== 1)
      refinement.addIssue({
        code: 'custom',
        message: `must have exactly one of ${DECISIONS.join(', ')}${given.length ? ` (got ${given.join(', ')})` : ''}`,
      });
  });

export type Decision = z.infer<typeof decisionSchema>;

export class ContinueStepsDto extends createZodDto(
  z.strictObject({
    results: z
      .array(decisionSchema)
      .min(1)
      .max(100)
      .meta({ example: [{ toolCallId: 'call_1', execute: true }] }),
  }),
) {}
