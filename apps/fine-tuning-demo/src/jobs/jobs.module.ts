// Jobs: submission, following, the SSE stream and the job actions.
import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { JobsController } from './jobs.controller.js';
import { JobsService } from './jobs.service.js';

@Module({
  imports: [CommonModule],
  controllers: [JobsController],
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
