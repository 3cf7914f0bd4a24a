// Body of `POST /api/feedback/ratings`: a Likert score per rubric criterion (the store checks
// each score against the scale and names the criterion at fault).
import { FEEDBACK_LIMITS, RATING_SCALES } from '@repo/feedback/collect';
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { commentField, feedbackFields } from './feedback-fields.js';

export const recordRatingSchema = z.strictObject({
  ...feedbackFields,
  scale: z.literal([...RATING_SCALES]),
  scores: z
    .record(z.string().trim().min(1).max(FEEDBACK_LIMITS.tagLength), z.number())
    .meta({ example: { 准确性: 4, 简洁性: 5 } }),
  comment: commentField,
});

export class RecordRatingDto extends createZodDto(recordRatingSchema) {}
