// `message` and `conversationId` of the seed's /api/test/chat, from the query string or (POST) a
// JSON or form body. The seed bound both as optional and answered a missing message with a 500.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { conversationIdSchema } from '../../common/conversation-id.js';

export class ChatQueryDto extends createZodDto(
  z.strictObject({
    message: z
      .string()
      .regex(/\S/, 'must not be empty or blank')
      .meta({ example: 'My name is Bob', description: 'What to say to the model' }),
    conversationId: conversationIdSchema
      .optional()
      .meta({ example: 'bob', default: 'default', description: 'Whose history to use' }),
  }),
) {}
