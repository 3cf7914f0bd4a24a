// `?userInput=&promptType=` of /api/deepseek/chatWithPrompt. The seed answered 200 "Unsupported
// prompt type: X" to an unknown type; here it is a 400 listing the valid values.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { UserInputDto } from '../../common/user-input.dto.js';

export const PROMPT_TYPES = ['01', '02', '03'] as const;
export type PromptType = (typeof PROMPT_TYPES)[number];

export class ChatWithPromptDto extends UserInputDto {
  @ApiPropertyOptional({
    enum: PROMPT_TYPES,
    default: '01',
    description: '01 plain text, 02 `{content}` template, 03 `<content>` template',
  })
  @IsOptional()
  @IsIn(PROMPT_TYPES)
  promptType?: PromptType;
}
