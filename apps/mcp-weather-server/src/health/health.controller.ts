// GET /health (Spring Boot actuator health): the MCP endpoint's server, tools and auth mode.
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiTags, HealthEndpoint } from '@repo/nest';
import { McpHttpService } from '../mcp/mcp-http.service.js';

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicator: HealthIndicatorService,
    @Inject(McpHttpService) private readonly mcp: McpHttpService,
  ) {}

  @Get()
  @HealthEndpoint({
    summary: 'Health: the MCP server, its tools and whether /mcp needs a token',
    ok: 'The MCP endpoint is up',
    down: false,
    deep: false,
  })
  check() {
    return this.health.check([() => this.indicator.check('mcp').up({ ...this.mcp.info })]);
  }
}
