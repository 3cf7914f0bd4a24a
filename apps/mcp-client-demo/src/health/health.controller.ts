// GET /health (Spring Boot actuator health): the model's config (or a 1-token call with
// `?deep=true`) and each MCP server's state.
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import { AiHealthIndicator, ApiTags, HealthEndpoint } from '@repo/nest';
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
  @HealthEndpoint({
    summary: 'Health: model config and MCP server states; `deep=true` calls the model',
    ok: 'Up; `info.mcp.servers` lists each MCP server state',
    down: 'The model check failed (the body says why)',
  })
  check(@Query('deep') deep?: string) {
    return this.health.check([
      () => this.ai.check('ai', { deep: deep === 'true' }),
      () => this.mcp.check('mcp'),
    ]);
  }
}
