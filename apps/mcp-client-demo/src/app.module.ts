// The app: AiModule (models from the env, embedded model without a key), the MCP connections, the
// seed's /api/chat/ai, /api/mcp/servers and /health. Validation and the one error filter are global
// providers so e2e tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AiExceptionFilter, AiModule, createValidationPipe } from '@repo/nest';
import { AppConfigModule } from './app-config.module.js';
import { ChatModule } from './chat/chat.module.js';
import { HealthModule } from './health/health.module.js';
import { McpModule } from './mcp/mcp.module.js';

@Module({
  imports: [AppConfigModule, AiModule.forRoot(), McpModule, ChatModule, HealthModule],
  providers: [
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
    { provide: APP_FILTER, useClass: AiExceptionFilter },
  ],
})
export class AppModule {}
