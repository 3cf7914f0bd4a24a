// GET /health (Spring Boot actuator health): the MCP endpoint's server, tools and auth mode.
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOkResponse, ApiOperation, ApiTags } from '@repo/nest';
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
  // Terminus would document the route by loading @nestjs/swagger at boot; ours load it on /docs.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'The MCP endpoint is up' })
  @ApiOperation({ summary: 'Health: the MCP server, its tools and whether /mcp needs a token' })
  check() {
    return this.health.check([() => this.indicator.check('mcp').up({ ...this.mcp.info })]);
  }
}
