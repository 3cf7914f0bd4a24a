// Body of `POST /api/rag/search` (Spring AI's SearchRequest): the filter is the portable
// language (`lang == 'zh' && source in ['faq.json']`), parsed by the service so a mistake is a 400
// naming its position.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class SearchDto extends createZodDto(
  z.strictObject({
    query: z.string().trim().min(1).max(2000).meta({ example: 'How long does charging take?' }),
    topK: z.number().int().min(1).max(50).optional(),
    threshold: z.number().min(0).max(1).optional(),
    filter: z.string().trim().min(1).max(2000).optional().meta({ example: "lang == 'en'" }),
  }),
) {}
