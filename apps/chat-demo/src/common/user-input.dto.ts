// `?userInput=` of every seed route (required there too; here a missing one is a 400, not a 500).
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class UserInputDto {
  @ApiProperty({ example: 'Hello!', description: 'What to ask the model' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  userInput!: string;
}
