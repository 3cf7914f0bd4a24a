// `?userInput=&promptType=` of /api/deepseek/chatWithPrompt. The seed answered 200 "Unsupported
// prompt type: X" to an unknown type; here it is a 400 listing the valid values.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { userInputSchema } from '../../common/user-input.dto.js';

export const PROMPT_TYPES = ['01', '02', '03'] as const;
export type PromptType = (typeof PROMPT_TYPES)[number];

export class ChatWithPromptDto extends createZodDto(
  userInputSchema.extend({
    promptType: z
      .enum(PROMPT_TYPES)
      .optional()
      .meta({ description: '01 plain text, 02 `{content}` template, 03 `<content>` template' }),
  }),
) {}
