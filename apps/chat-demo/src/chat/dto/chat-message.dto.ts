// One message of `POST /api/chat`: role and text.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export const MESSAGE_ROLES = ['system', 'user', 'assistant'] as const;

export const chatMessageSchema = z.strictObject({
  role: z.enum(MESSAGE_ROLES).meta({ example: 'user' }),
  content: z.string().min(1).max(100_000).meta({ example: 'Hello!' }),
});

export class ChatMessageDto extends createZodDto(chatMessageSchema) {}
