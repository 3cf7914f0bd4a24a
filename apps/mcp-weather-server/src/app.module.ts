// The app: @repo/nest's shell (config, validation, the one error filter, /health with the MCP
// endpoint's info) and the MCP endpoint at /mcp. No AiModule: this server runs tools, not a
// model. Everything is a provider, so e2e tests run the same graph as main.ts (the pipe and the
// filter shape Nest's own errors: 404s, bad JSON bodies; /mcp answers for itself).
import { Module } from '@nestjs/common';
import { AppShellModule } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { McpEndpointProbe } from './mcp/mcp-endpoint.probe.js';
import { McpModule } from './mcp/mcp.module.js';

@Module({
  imports: [
    AppShellModule.forRoot({
      config: parseAppConfig,
      health: {
        summary: 'Health: the MCP server, its tools and whether /mcp needs a token',
        ai: false,
        probes: { mcp: McpEndpointProbe },
        ok: 'The MCP endpoint is up',
        down: false,
        imports: [McpModule],
      },
    }),
    McpModule,
  ],
})
export class AppModule {}
