// Body of `POST /api/chat/entity`.
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ExtractEntityDto {
  @ApiProperty({ example: 'Generate the filmography of 5 movies for Tom Hanks.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  message!: string;
}
