// Query of `GET /api/feedback/campaigns/:id/export` and `…/export/card`.
import { EXPORT_FORMATS } from '@repo/feedback';
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class ExportQueryDto extends createZodDto(
  z.strictObject({
    format: z.enum(EXPORT_FORMATS),
    /** Keep only items whose annotators agree at least this much (0 to 1). */
    minAgreement: z.coerce.number().min(0).max(1).optional(),
  }),
) {}
