// Comparisons of a tuned model with its base, judged pairwise.
import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { CompareController } from './compare.controller.js';
import { CompareService } from './compare.service.js';

@Module({ imports: [JobsModule], controllers: [CompareController], providers: [CompareService] })
export class CompareModule {}
