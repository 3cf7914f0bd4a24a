// Body of `POST /api/tools/run`: one tool, by hand, without a model.
import { createZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';
import { TOOL_NAMES } from '../tool-names.js';
import { toolContextSchema } from './tool-options.js';

export class RunToolDto extends createZodDto(
  z.strictObject({
    name: z.enum(TOOL_NAMES).meta({ example: 'readFile' }),
    arguments: z
      .record(z.string(), z.json())
      .default({})
      .meta({ example: { path: 'notes/shopping-list.md' } }),
    context: toolContextSchema.optional(),
  }),
) {}
