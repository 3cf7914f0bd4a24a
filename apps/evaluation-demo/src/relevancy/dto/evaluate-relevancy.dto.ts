// Body of `POST /api/eval/relevancy` (Spring AI's EvaluationRequest): the question, optionally the
// documents the answer should stay within, and optionally the answer itself (else the chat model
// writes it, as in the seed).
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class EvaluateRelevancyDto extends createZodDto(
  z.strictObject({
    question: z.string().trim().min(1).max(4000).meta({ example: '明朝有多少位皇帝？' }),
    context: z
      .array(z.string().trim().min(1).max(20_000))
      .max(20)
      .optional()
      .meta({ example: ['明朝从1368年到1644年，共有十六位皇帝。'] }),
    answer: z.string().trim().min(1).max(20_000).optional(),
  }),
) {}
