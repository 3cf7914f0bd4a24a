// `?userInput=` of every seed route (required there too; here a missing one is a 400, not a 500).
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export const userInputSchema = z.strictObject({
  userInput: z
    .string()
    .min(1)
    .max(10_000)
    .meta({ example: 'Hello!', description: 'What to ask the model' }),
});

export class UserInputDto extends createZodDto(userInputSchema) {}
