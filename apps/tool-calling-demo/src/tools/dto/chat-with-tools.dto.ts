// Body of `POST /api/tools/chat` and `POST /api/tools/chat/stream`.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { messageSchema, toolContextSchema, toolNamesSchema } from './tool-options.js';

export const chatWithToolsSchema = z.strictObject({
  message: messageSchema.meta({ example: 'What is the weather in Paris and London?' }),
  tools: toolNamesSchema.optional(),
  context: toolContextSchema.optional(),
});

export class ChatWithToolsDto extends createZodDto(chatWithToolsSchema) {}
