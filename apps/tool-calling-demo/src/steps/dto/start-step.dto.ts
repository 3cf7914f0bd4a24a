// Body of `POST /api/tools/steps`: a user message for a new or an answered conversation.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { messageSchema, toolContextSchema, toolNamesSchema } from '../../tools/dto/tool-options.js';
import { conversationIdSchema } from './conversation-id.js';

export class StartStepDto extends createZodDto(
  z.strictObject({
    message: messageSchema.meta({ example: 'What is the weather in Paris and London?' }),
    conversationId: conversationIdSchema
      .optional()
      .describe('Continue this conversation, or start one with this id; default: a new UUID'),
    tools: toolNamesSchema.optional().describe("Default: the conversation's, else every tool"),
    context: toolContextSchema.optional(),
  }),
) {}
