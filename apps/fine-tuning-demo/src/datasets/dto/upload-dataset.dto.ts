// The text fields of `POST /api/fine-tuning/datasets` (the file itself comes through multer).
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class UploadDatasetDto extends createZodDto(
  z.strictObject({
    /** The base model whose limits and prices the report uses (default: tiny-gpt). */
    model: z
      .string()
      .regex(/^[\w.:-]{1,100}$/, { error: 'must be a model id: letters, digits, . _ : -' })
      .optional()
      .meta({ example: 'gpt-4.1-mini-2025-04-14' }),
  }),
) {}
