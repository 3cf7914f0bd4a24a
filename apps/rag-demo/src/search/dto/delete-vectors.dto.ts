// Body of `DELETE /api/rag/vectors`: ids (from an ingest report or a search) or a filter, not both
// (a request holding both is ambiguous: intersection or union?).
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class DeleteVectorsDto extends createZodDto(
  z
    .strictObject({
      ids: z.array(z.string().min(1).max(200)).min(1).max(10_000).optional(),
      filter: z
        .string()
        .trim()
        .min(1)
        .max(2000)
        .optional()
        .meta({ example: "source == 'faq.json'" }),
    })
    .refine((body) => (body.ids === undefined) !== (body.filter === undefined), {
      error: 'give either ids or filter (exactly one)',
      path: ['ids'],
    }),
) {}
