// Path parameter of the job routes: a job id as POST /api/rag/documents or /api/rag/ingest gave it.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class JobIdDto extends createZodDto(
  z.strictObject({
    id: z.uuid({ error: 'must be a job id (a UUID)' }),
  }),
) {}
