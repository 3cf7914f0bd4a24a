// Suite runs: start (202, in the background), follow (SSE), list, read, report (HTML), cancel,
// compare two runs. Thin: RunsService runs them, RunReportsService reads them.
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import type { RunComparison, StoredRunInfo } from '@repo/evaluation';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';
import type { Observable } from 'rxjs';
import { CompareRunsQueryDto } from './dto/compare-runs.dto.js';
import { StartRunDto } from './dto/start-run.dto.js';
import { RunReportsService, type RunDetails } from './run-reports.service.js';
import { RunsService, type StartedRun } from './runs.service.js';

const HTML = 'text/html; charset=utf-8';
// The report holds model output (escaped) and needs no script, font or image from anywhere: a
// browser that opens it runs nothing and fetches nothing, whatever a model wrote.
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

@ApiTags('runs')
@Controller('api/eval')
export class RunsController {
  constructor(
    @Inject(RunsService) private readonly runs: RunsService,
    @Inject(RunReportsService) private readonly reports: RunReportsService,
  ) {}

  @Post('runs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start a run of a bundled suite (name), YAML text or a suite object' })
  start(@Body() body: StartRunDto): Promise<StartedRun> {
    return this.runs.start(body);
  }

  @Get('runs')
  @ApiOperation({ summary: 'Stored runs, newest first' })
  list(): Promise<StoredRunInfo[]> {
    return this.reports.list();
  }

  @Get('runs/:id')
  @ApiOperation({ summary: 'One run: status, pass rate and, once finished, every result' })
  get(@Param('id') id: string): Promise<RunDetails> {
    return this.reports.get(id);
  }

  @Sse('runs/:id/events')
  @ApiOperation({ summary: 'SSE: progress (a snapshot, then one per finished case), then done' })
  @ApiProduces('text/event-stream')
  events(@Param('id') id: string): Promise<Observable<MessageEvent>> {
    return this.runs.events(id);
  }

  @Get('runs/:id/report.html')
  @Header('Content-Type', HTML)
  @Header('Content-Security-Policy', REPORT_CSP)
  @ApiOperation({ summary: 'The HTML report of a finished run (409 while it runs)' })
  @ApiProduces('text/html')
  report(@Param('id') id: string): Promise<string> {
    return this.reports.report(id);
  }

  @Post('runs/:id/cancel')
  @HttpCode(202)
  @ApiOperation({ summary: 'Cancel a running run; the cases that finished are kept' })
  cancel(@Param('id') id: string): Promise<{ runId: string; status: 'cancelling' }> {
    return this.runs.cancel(id);
  }

  @Get('compare')
  @ApiOperation({
    summary: 'Compare run b with run a: flipped cases, pass-rate delta (format=html)',
  })
  @ApiProduces('application/json', 'text/html')
  async compare(
    @Query() query: CompareRunsQueryDto,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): unknown },
  ): Promise<RunComparison | string> {
    if (query.format !== 'html') return (await this.reports.compare(query.a, query.b)).comparison;
    const html = await this.reports.compareHtml(query.a, query.b);
    response.setHeader('Content-Type', HTML);
    response.setHeader('Content-Security-Policy', REPORT_CSP);
    return html;
  }
}
