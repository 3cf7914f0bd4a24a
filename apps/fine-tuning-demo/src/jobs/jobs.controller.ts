// Jobs: submit (201, or 200 for an Idempotency-Key already seen), list, read, metrics, the SSE
// stream of one job (status, metrics, messages, done), and cancel / pause / resume.
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Res,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { InvalidInputError } from '@repo/core';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';
import type { Observable } from 'rxjs';
import { CreateJobDto } from './dto/create-job.dto.js';
import { JobFollowerService } from './job-follower.service.js';
import type { JobView, MetricsPoint } from './job-view.js';
import { JobsService } from './jobs.service.js';

function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^[\x21-\x7e]{1,200}$/.test(value)) return value;
  const reason = 'must be 1 to 200 visible ASCII characters';
  throw new InvalidInputError(`Idempotency-Key ${reason}.`, [{ field: 'Idempotency-Key', reason }]);
}

@ApiTags('jobs')
@Controller('api/fine-tuning/jobs')
export class JobsController {
  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(JobFollowerService) private readonly follower: JobFollowerService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Submit a job (201); the same Idempotency-Key again answers 200' })
  async create(
    @Body() body: CreateJobDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<JobView> {
    const { job, created } = await this.jobs.create(body, idempotencyKey(key));
    response.status(created ? 201 : 200);
    return job;
  }

  @Get()
  @ApiOperation({ summary: 'Jobs, newest first' })
  async list(): Promise<{ data: JobView[] }> {
    return { data: await this.jobs.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One job' })
  get(@Param('id') id: string): Promise<JobView> {
    return this.jobs.get(id);
  }

  @Get(':id/metrics')
  @ApiOperation({ summary: 'Training (and validation) loss per step' })
  async metrics(@Param('id') id: string): Promise<{ points: MetricsPoint[] }> {
    return { points: await this.follower.points(await this.jobs.record(id)) };
  }

  @Sse(':id/events')
  @ApiOperation({ summary: 'SSE: status, then metrics and message events, then done' })
  @ApiProduces('text/event-stream')
  async events(@Param('id') id: string): Promise<Observable<MessageEvent>> {
    return this.follower.events(await this.jobs.record(id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a job that has not ended (409 otherwise)' })
  cancel(@Param('id') id: string): Promise<JobView> {
    return this.jobs.act(id, 'cancel');
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a running job (409 otherwise)' })
  pause(@Param('id') id: string): Promise<JobView> {
    return this.jobs.act(id, 'pause');
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused job (409 otherwise)' })
  resume(@Param('id') id: string): Promise<JobView> {
    return this.jobs.act(id, 'resume');
  }
}
