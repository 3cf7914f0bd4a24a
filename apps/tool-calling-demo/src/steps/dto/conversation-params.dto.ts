// `:conversationId` of the /api/tools/steps/:conversationId routes.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { conversationIdSchema } from './conversation-id.js';

export class ConversationParamsDto extends createZodDto(
  z.strictObject({ conversationId: conversationIdSchema }),
) {}
