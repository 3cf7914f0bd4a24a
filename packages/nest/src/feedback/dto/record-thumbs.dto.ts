// Body of `POST /api/feedback/thumbs`.
import { FEEDBACK_LIMITS } from '@repo/feedback/collect';
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { commentField, feedbackFields } from './feedback-fields.js';

export const recordThumbsSchema = z.strictObject({
  ...feedbackFields,
  value: z.enum(['up', 'down']),
  reasons: z
    .array(z.string().trim().min(1).max(FEEDBACK_LIMITS.tagLength))
    .max(FEEDBACK_LIMITS.reasons)
    .optional()
    .meta({ example: ['不准确', '太长'] }),
  comment: commentField,
});

export class RecordThumbsDto extends createZodDto(recordThumbsSchema) {}
