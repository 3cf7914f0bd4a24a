// Query of `GET /api/eval/compare?a=<run id>&b=<run id>[&format=html]`: b is compared with a
// (a is "before").
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

const runId = z.string().trim().min(1).max(200);

export class CompareRunsQueryDto extends createZodDto(
  z.strictObject({
    a: runId,
    b: runId,
    format: z.enum(['json', 'html']).optional(),
  }),
) {}
