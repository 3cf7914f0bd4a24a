// Body of `POST /api/chat` and `POST /api/chat/stream`.
import { PROVIDER_NAMES } from '@repo/providers';
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { chatMessageSchema } from './chat-message.dto.js';
import { chatOptionsSchema } from './chat-options.dto.js';

export const createChatSchema = z.strictObject({
  messages: z.array(chatMessageSchema).min(1).max(200),
  provider: z
    .enum(PROVIDER_NAMES)
    .optional()
    .describe('Default: AI_PROVIDER, else the first configured, else local'),
  model: z
    .string()
    .min(1)
    .optional()
    .meta({ example: 'deepseek-v4-pro', description: "Overrides the provider's model" }),
  options: chatOptionsSchema.optional(),
});

export class CreateChatDto extends createZodDto(createChatSchema) {}
