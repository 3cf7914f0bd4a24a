// Query of the seed's `GET /api/qwen/chat?userInput=`, served here as `/api/rag/chat`.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

export class SeedChatQueryDto extends createZodDto(
  z.strictObject({
    userInput: z.string().trim().min(1).max(4000).meta({ example: 'Who founded Aurora Robotics?' }),
  }),
) {}
