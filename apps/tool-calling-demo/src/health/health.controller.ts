// GET /health (Spring Boot actuator health): the model's config, or a real 1-token call with
// `?deep=true`.
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import { AiHealthIndicator, ApiTags, HealthEndpoint } from '@repo/nest';

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(AiHealthIndicator) private readonly ai: AiHealthIndicator,
  ) {}

  @Get()
  @HealthEndpoint({ summary: 'Health; `deep=true` makes one tiny model call' })
  check(@Query('deep') deep?: string) {
    return this.health.check([() => this.ai.check('ai', { deep: deep === 'true' })]);
  }
}
