// Body of `POST /api/chat` and `POST /api/chat/stream`.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDER_NAMES, type ProviderName } from '@repo/providers';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { ChatMessageDto } from './chat-message.dto.js';
import { ChatOptionsDto } from './chat-options.dto.js';

export class CreateChatDto {
  @ApiProperty({ type: [ChatMessageDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ChatMessageDto)
  messages!: ChatMessageDto[];

  @ApiPropertyOptional({
    enum: PROVIDER_NAMES,
    description: 'Default: AI_PROVIDER, else the first configured, else local',
  })
  @IsOptional()
  @IsIn(PROVIDER_NAMES)
  provider?: ProviderName;

  @ApiPropertyOptional({
    example: 'deepseek-v4-pro',
    description: "Overrides the provider's model",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  model?: string;

  @ApiPropertyOptional({ type: ChatOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChatOptionsDto)
  options?: ChatOptionsDto;
}
