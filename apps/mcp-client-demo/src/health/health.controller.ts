// GET /health (Spring Boot actuator health): the model's config (or a 1-token call with
// `?deep=true`) and each MCP server's state.
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
import { McpHealthIndicator } from '../mcp/mcp-health.indicator.js';

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(AiHealthIndicator) private readonly ai: AiHealthIndicator,
    @Inject(McpHealthIndicator) private readonly mcp: McpHealthIndicator,
  ) {}

  @Get()
  // Terminus would document the route by loading @nestjs/swagger at boot; ours load it on /docs.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Up; `info.mcp.servers` lists each MCP server state' })
  @ApiServiceUnavailableResponse({ description: 'The model check failed (the body says why)' })
  @ApiOperation({
    summary: 'Health: model config and MCP server states; `deep=true` calls the model',
  })
  @ApiQuery({ name: 'deep', required: false, enum: ['true', 'false'] })
  check(@Query('deep') deep?: string) {
    return this.health.check([
      () => this.ai.check('ai', { deep: deep === 'true' }),
      () => this.mcp.check('mcp'),
    ]);
  }
}
