// Query of `GET /api/chat/stream` (EventSource can only GET).
import { PROVIDER_NAMES } from '@repo/providers';
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class StreamChatDto extends createZodDto(
  z.strictObject({
    message: z.string().min(1).max(10_000).meta({ example: 'Hi' }),
    provider: z.enum(PROVIDER_NAMES).optional(),
    model: z.string().min(1).optional(),
  }),
) {}
