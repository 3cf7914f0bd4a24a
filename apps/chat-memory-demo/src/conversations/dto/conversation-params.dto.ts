// `:id` of /api/conversations/:id…: the same rule as the chat's conversationId.
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import {
  CONVERSATION_ID_MAX_LENGTH,
  CONVERSATION_ID_PATTERN,
  CONVERSATION_ID_RULE,
} from '../../common/conversation-id.js';

export class ConversationParamsDto {
  @ApiProperty({ example: 'bob' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONVERSATION_ID_MAX_LENGTH)
  @Matches(CONVERSATION_ID_PATTERN, { message: `id ${CONVERSATION_ID_RULE}` })
  id!: string;
}
