// `?userInput=` of the seed's GET /api/chat/ai (optional there, and a missing one was a 500;
// here it is required and a missing or blank one is a 400 naming the field).
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export const userInputSchema = z.strictObject({
  userInput: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .meta({ example: '北京天气怎么样？', description: 'What to ask the model' }),
});

export class UserInputDto extends createZodDto(userInputSchema) {}
