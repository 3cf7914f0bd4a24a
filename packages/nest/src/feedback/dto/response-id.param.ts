// The `:responseId` of `GET /api/feedback/responses/:responseId`.
import { FEEDBACK_LIMITS } from '@repo/feedback/collect';
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export const responseIdParamSchema = z.strictObject({
  responseId: z.string().trim().min(1).max(FEEDBACK_LIMITS.idLength),
});

export class ResponseIdParam extends createZodDto(responseIdParamSchema) {}
