// Body of `POST /api/rag/ingest`: a file or folder relative to RAG_INGEST_ROOT, and whether a
// folder's re-ingest removes the files gone from it since the last ingest.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class IngestPathDto extends createZodDto(
  z.strictObject({
    path: z.string().trim().min(1).max(1000).meta({ example: '.' }),
    prune: z
      .boolean()
      .optional()
      .meta({ description: 'a folder: remove sources it held last time and no longer does' }),
  }),
) {}
