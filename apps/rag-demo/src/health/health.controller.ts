// GET /health (Spring Boot actuator health): the model's config and the vector store;
// `?deep=true` also makes one tiny model call.
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
import { StorageHealthIndicator } from './storage-health.indicator.js';

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(AiHealthIndicator) private readonly ai: AiHealthIndicator,
    @Inject(StorageHealthIndicator) private readonly storage: StorageHealthIndicator,
  ) {}

  @Get()
  // Terminus would document the route by loading @nestjs/swagger at boot; ours load it on /docs.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Every check is up' })
  @ApiServiceUnavailableResponse({ description: 'A check is down (the body says which)' })
  @ApiOperation({
    summary: 'Health of the model and the vector store; `deep=true` calls the model',
  })
  @ApiQuery({ name: 'deep', required: false, enum: ['true', 'false'] })
  check(@Query('deep') deep?: string) {
    return this.health.check([
      () => this.ai.check('ai', { deep: deep === 'true' }),
      () => this.storage.check('storage'),
    ]);
  }
}
