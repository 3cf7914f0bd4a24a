// Bodies of the chat routes: one prompt to up to four models side by side, or to a job's base and
// tuned models.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

const prompt = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(4000, { error: 'must be at most 4000 characters' })
  .meta({ example: '什么是优化器？' });

const maxTokens = z.number().int().min(1).max(1024).optional();

export class ChatDto extends createZodDto(
  z.strictObject({
    prompt,
    models: z
      .array(z.string().min(1).max(200))
      .min(1, { error: 'must name at least one model' })
      .max(4, { error: 'must name at most 4 models' })
      .meta({ example: ['tiny-gpt', 'my-tiny-gpt'] }),
    maxTokens,
  }),
) {}

export class JobChatDto extends createZodDto(z.strictObject({ prompt, maxTokens })) {}
