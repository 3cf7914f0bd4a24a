// Body of `POST /api/rag/ingest`: a file or folder relative to RAG_INGEST_ROOT.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class IngestPathDto extends createZodDto(
  z.strictObject({
    path: z.string().trim().min(1).max(1000).meta({ example: '.' }),
  }),
) {}
