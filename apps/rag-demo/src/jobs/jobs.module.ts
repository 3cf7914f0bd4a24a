// Ingest jobs: the bounded queue every ingest runs on, the jobs it keeps, and their routes.
import { Module } from '@nestjs/common';
import { IngestJobsService } from './ingest-jobs.service.js';
import { JobsController } from './jobs.controller.js';

@Module({
  controllers: [JobsController],
  providers: [IngestJobsService],
  exports: [IngestJobsService],
})
export class JobsModule {}
