// Query of `GET /api/chat/stream` (EventSource can only GET).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDER_NAMES, type ProviderName } from '@repo/providers';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class StreamChatDto {
  @ApiProperty({ example: 'Hi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  message!: string;

  @ApiPropertyOptional({ enum: PROVIDER_NAMES })
  @IsOptional()
  @IsIn(PROVIDER_NAMES)
  provider?: ProviderName;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  model?: string;
}
