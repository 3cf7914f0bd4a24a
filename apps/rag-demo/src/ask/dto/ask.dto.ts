// `POST /api/rag/ask` body and `GET /api/rag/ask/stream` query: a question, and optionally a
// filter (portable language) restricting which documents may answer it.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

const ask = z.strictObject({
  question: z.string().trim().min(1).max(4000).meta({ example: 'What does error code E7 mean?' }),
  filter: z.string().trim().min(1).max(2000).optional().meta({ example: "lang == 'en'" }),
});

export class AskDto extends createZodDto(ask) {}

export class AskStreamQueryDto extends createZodDto(ask) {}
