// The app: the MCP endpoint at /mcp and /health. No AiModule: this server runs tools, not a model.
// Validation and the one error filter are global providers so e2e tests run the same graph as
// main.ts (they shape Nest's own errors: 404s, bad JSON bodies; /mcp answers for itself).
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AiExceptionFilter, createValidationPipe } from '@repo/nest';
import { AppConfigModule } from './app-config.module.js';
import { HealthModule } from './health/health.module.js';
import { McpModule } from './mcp/mcp.module.js';

@Module({
  imports: [AppConfigModule, McpModule, HealthModule],
  providers: [
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
    { provide: APP_FILTER, useClass: AiExceptionFilter },
  ],
})
export class AppModule {}
