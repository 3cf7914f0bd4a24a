// The app: @repo/nest's shell (config with the parsed mcp.json, validation, the one error filter,
// /health with each MCP server's state), AiModule (models from the env, embedded model without a
// key), the MCP connections, the seed's /api/chat/ai and /api/mcp/servers. Everything is a
// provider, so e2e tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { AiModule, AppShellModule } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { ChatModule } from './chat/chat.module.js';
import { McpModule } from './mcp/mcp.module.js';
import { McpProbe } from './mcp/mcp.probe.js';

@Module({
  imports: [
    AppShellModule.forRoot({
      config: parseAppConfig,
      health: {
        summary: 'Health: model config and MCP server states; `deep=true` calls the model',
        ok: 'Up; `info.mcp.servers` lists each MCP server state',
        down: 'The model check failed (the body says why)',
        probes: { mcp: McpProbe },
        imports: [McpModule],
      },
    }),
    AiModule.forRoot(),
    McpModule,
    ChatModule,
  ],
})
export class AppModule {}
