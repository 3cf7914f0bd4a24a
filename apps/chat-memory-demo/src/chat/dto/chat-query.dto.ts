// `message` and `conversationId` of the seed's /api/test/chat, from the query string or (POST) a
// JSON or form body. The seed bound both as optional and answered a missing message with a 500.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  CONVERSATION_ID_MAX_LENGTH,
  CONVERSATION_ID_PATTERN,
  CONVERSATION_ID_RULE,
} from '../../common/conversation-id.js';

export class ChatQueryDto {
  @ApiProperty({ example: 'My name is Bob', description: 'What to say to the model' })
  @IsString()
  @Matches(/\S/, { message: 'message must not be empty or blank' })
  message!: string;

  @ApiPropertyOptional({ example: 'bob', default: 'default', description: 'Whose history to use' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONVERSATION_ID_MAX_LENGTH)
  @Matches(CONVERSATION_ID_PATTERN, { message: `conversationId ${CONVERSATION_ID_RULE}` })
  conversationId?: string;
}
