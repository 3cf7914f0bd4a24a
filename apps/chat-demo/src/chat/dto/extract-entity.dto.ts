// Body of `POST /api/chat/entity`.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class ExtractEntityDto extends createZodDto(
  z.strictObject({
    message: z
      .string()
      .min(1)
      .max(10_000)
      .meta({ example: 'Generate the filmography of 5 movies for Tom Hanks.' }),
  }),
) {}
