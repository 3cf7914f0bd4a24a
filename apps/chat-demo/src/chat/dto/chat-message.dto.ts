// One message of `POST /api/chat`: role and text.
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const MESSAGE_ROLES = ['system', 'user', 'assistant'] as const;

export class ChatMessageDto {
  @ApiProperty({ enum: MESSAGE_ROLES, example: 'user' })
  @IsIn(MESSAGE_ROLES)
  role!: (typeof MESSAGE_ROLES)[number];

  @ApiProperty({ example: 'Hello!' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  content!: string;
}
