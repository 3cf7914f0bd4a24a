// `:id` of /api/conversations/:id…: the same rule as the chat's conversationId.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { conversationIdSchema } from '../../common/conversation-id.js';

export class ConversationParamsDto extends createZodDto(
  z.strictObject({ id: conversationIdSchema.meta({ example: 'bob' }) }),
) {}
