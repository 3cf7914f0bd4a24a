// Body of `POST /api/feedback/corrections`: the answer as it should have been.
import { FEEDBACK_LIMITS } from '@repo/feedback/collect';
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { commentField, feedbackFields } from './feedback-fields.js';

export const recordCorrectionSchema = z.strictObject({
  ...feedbackFields,
  text: z
    .string()
    .max(FEEDBACK_LIMITS.textLength)
    .refine((text) => text.trim() !== '', 'must not be empty'),
  comment: commentField,
});

export class RecordCorrectionDto extends createZodDto(recordCorrectionSchema) {}
