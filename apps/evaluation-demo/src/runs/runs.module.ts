// Suite runs: the background runner with SSE progress, stored runs, reports, comparison.
import { Module } from '@nestjs/common';
import { SuitesModule } from '../suites/suites.module.js';
import { LiveRuns } from './live-runs.js';
import { RunReportsService } from './run-reports.service.js';
import { RunsController } from './runs.controller.js';
import { RunsService } from './runs.service.js';

@Module({
  imports: [SuitesModule],
  controllers: [RunsController],
  providers: [LiveRuns, RunsService, RunReportsService],
  exports: [LiveRuns],
})
export class RunsModule {}
