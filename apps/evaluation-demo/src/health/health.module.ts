// /health (Terminus).
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RunsModule } from '../runs/runs.module.js';
import { HealthController } from './health.controller.js';
import { RunStoreHealthIndicator } from './run-store-health.indicator.js';

@Module({
  imports: [TerminusModule, RunsModule],
  controllers: [HealthController],
  providers: [RunStoreHealthIndicator],
})
export class HealthModule {}
