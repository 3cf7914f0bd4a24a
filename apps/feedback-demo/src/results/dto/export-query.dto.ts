// Query of `GET /api/feedback/campaigns/:id/export` and `…/export/card`.
import { EXPORT_FORMATS } from '@repo/feedback';
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class ExportQueryDto extends createZodDto(
  z.strictObject({
    format: z.enum(EXPORT_FORMATS),
    /** Keep only items whose annotators agree at least this much (0 to 1). */
    minAgreement: z.coerce.number().min(0).max(1).optional(),
    /** Leave out annotators flagged as straight-lining or too fast, or below 50 % on gold items. */
    excludeFlagged: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    /** Only feedback given under this rubric version. */
    rubricVersion: z.string().trim().min(1).max(200).optional(),
  }),
) {}
