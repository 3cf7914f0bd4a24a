// The MCP endpoint's part of /health: the server, its tools and whether /mcp needs a token (never
// the token). Nothing here can be down: the endpoint is built at boot and serves every request.
import { Inject, Injectable } from '@nestjs/common';
import type { HealthProbe } from '@repo/nest';
import { McpHttpService } from './mcp-http.service.js';

@Injectable()
export class McpEndpointProbe implements HealthProbe {
  constructor(@Inject(McpHttpService) private readonly mcp: McpHttpService) {}

  probe() {
    return { ...this.mcp.info };
  }
}
