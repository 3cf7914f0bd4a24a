// Compare a succeeded job's tuned model with its base on held-out prompts (202, in the background,
// one at a time), read a comparison, and follow it over SSE (progress, then done).
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';
import { createZodDto } from 'nestjs-zod/dto';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { JobsService } from '../jobs/jobs.service.js';
import type { CompareJson } from './compare-store.js';
import { CompareService } from './compare.service.js';

class StartCompareDto extends createZodDto(
  z.strictObject({
    /** Default: the job's validation dataset, else the bundled held-out set. */
    dataset: z.string().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(100).optional().meta({ example: 10 }),
  }),
) {}

@ApiTags('compare')
@Controller('api/fine-tuning')
export class CompareController {
  constructor(
    @Inject(CompareService) private readonly compares: CompareService,
    @Inject(JobsService) private readonly jobs: JobsService,
  ) {}

  @Post('jobs/:id/compare')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start comparing tuned vs base with the pairwise judge (202)' })
  async start(@Param('id') id: string, @Body() body: StartCompareDto): Promise<{ id: string }> {
    return this.compares.start(await this.jobs.get(id), body.dataset, body.limit ?? 20);
  }

  @Get('compares/:id')
  @ApiOperation({ summary: 'A comparison: progress, then the win rate and every row' })
  get(@Param('id') id: string): Promise<CompareJson> {
    return this.compares.get(id);
  }

  @Sse('compares/:id/events')
  @ApiOperation({ summary: 'SSE: progress events, then done with the comparison' })
  @ApiProduces('text/event-stream')
  events(@Param('id') id: string): Promise<Observable<MessageEvent>> {
    return this.compares.events(id);
  }
}
