// Body of `POST /api/feedback/votes`: the choice as the annotator saw it (left/right), with the
// client's own id so that a retried vote is stored once.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { annotatorName } from './annotator.js';

export class VoteDto extends createZodDto(
  z.strictObject({
    id: z.string().trim().min(1).max(200).meta({ example: '5b0c8a52-6a0e-4f49-9d9f-0d7a3c1f2e11' }),
    taskId: z.string().min(1).max(300),
    annotator: annotatorName(),
    choice: z.enum(['left', 'right', 'tie', 'both-bad']),
    strength: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    timeSpentMs: z.number().int().min(0).max(86_400_000).optional(),
    comment: z.string().max(10_000).optional(),
  }),
) {}

export class UndoVoteDto extends createZodDto(
  z.strictObject({ id: z.string().trim().min(1).max(200), annotator: annotatorName() }),
) {}
