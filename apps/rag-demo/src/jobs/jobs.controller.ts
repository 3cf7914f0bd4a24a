// Ingest jobs: GET /api/rag/jobs/:id (status, latest progress, then the report or the error body)
// and GET /api/rag/jobs/:id/events (SSE: status, progress, then done or error).
import { Controller, Get, Inject, Param, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';
import type { Observable } from 'rxjs';
import { JobIdDto } from './dto/job-id.dto.js';
import type { JobView } from './ingest-job.js';
import { IngestJobsService } from './ingest-jobs.service.js';

@ApiTags('ingest')
@Controller('api/rag/jobs')
export class JobsController {
  constructor(@Inject(IngestJobsService) private readonly jobs: IngestJobsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'An ingest job: status, progress, then its report or error' })
  view(@Param() params: JobIdDto): JobView {
    return this.jobs.view(params.id);
  }

  @Sse(':id/events')
  @ApiOperation({ summary: 'SSE: status, progress (phase, done, total), then done or error' })
  @ApiProduces('text/event-stream')
  // Async, so an unknown id is a plain 404 before the stream starts.
  async events(@Param() params: JobIdDto): Promise<Observable<MessageEvent>> {
    return this.jobs.events(params.id);
  }
}
