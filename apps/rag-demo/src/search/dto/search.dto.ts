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
    /** Default RAG_SEARCH_MODE (hybrid): BM25 and vectors fused by reciprocal rank. */
    mode: z.enum(['vector', 'lexical', 'hybrid']).optional(),
    /** Hybrid: how much each ranking counts in the fusion. */
    weights: z
      .strictObject({ vector: z.number().min(0).max(10), lexical: z.number().min(0).max(10) })
      .optional(),
    /** The relevance cut-off: cosine floor and lexical coverage floor (0–1). */
    minRelevance: z
      .strictObject({
        vector: z.number().min(0).max(1).optional(),
        lexical: z.number().min(0).max(1).optional(),
      })
      .optional(),
  }),
) {}
