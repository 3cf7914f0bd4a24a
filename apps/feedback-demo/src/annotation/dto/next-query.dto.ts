// Query of `GET /api/feedback/campaigns/:id/next`.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { annotatorName } from './annotator.js';

export class NextQueryDto extends createZodDto(z.strictObject({ annotator: annotatorName() })) {}
