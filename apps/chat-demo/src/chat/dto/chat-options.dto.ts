// Sampling options of `POST /api/chat` (Spring AI's ChatOptions), range-checked.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export const chatOptionsSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional().meta({ example: 0.7 }),
  maxTokens: z.int().min(1).max(65536).optional().meta({ example: 256 }),
  topP: z.number().min(0).max(1).optional(),
  stop: z.array(z.string()).max(4).optional(),
  seed: z.int().optional(),
});

export class ChatOptionsDto extends createZodDto(chatOptionsSchema) {}
