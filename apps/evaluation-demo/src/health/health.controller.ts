// GET /health (Spring Boot actuator health): the model's config and the run store;
// `?deep=true` also makes one tiny model call.
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import { AiHealthIndicator, ApiTags, HealthEndpoint } from '@repo/nest';
import { RunStoreHealthIndicator } from './run-store-health.indicator.js';

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(AiHealthIndicator) private readonly ai: AiHealthIndicator,
    @Inject(RunStoreHealthIndicator) private readonly runs: RunStoreHealthIndicator,
  ) {}

  @Get()
  @HealthEndpoint({ summary: 'Health of the model and the run store; `deep=true` calls the model' })
  check(@Query('deep') deep?: string) {
    return this.health.check([
      () => this.ai.check('ai', { deep: deep === 'true' }),
      () => this.runs.check('runs'),
    ]);
  }
}
