// GET /health (Spring Boot actuator health): the model's config, or a real 1-token call with
// `?deep=true`.
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import {
  AiHealthIndicator,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@repo/nest';

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(AiHealthIndicator) private readonly ai: AiHealthIndicator,
  ) {}

  @Get()
  // Terminus would document the route by loading @nestjs/swagger at boot; ours load it on /docs.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Every check is up' })
  @ApiServiceUnavailableResponse({ description: 'A check is down (the body says which)' })
  @ApiOperation({ summary: 'Health; `deep=true` makes one tiny model call' })
  @ApiQuery({ name: 'deep', required: false, enum: ['true', 'false'] })
  check(@Query('deep') deep?: string) {
    return this.health.check([() => this.ai.check('ai', { deep: deep === 'true' })]);
  }
}
