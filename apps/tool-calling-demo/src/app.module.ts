// The app: AiModule (models from the env, embedded model without a key), the validated app
// config, /api/tools (catalogue, one tool by hand, the automatic loop), /api/tools/steps
// (user-controlled execution) and /health. Validation and the one error filter are global
// providers so e2e tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AiExceptionFilter, AiModule, createValidationPipe } from '@repo/nest';
import { AppConfigModule } from './config/app-config.module.js';
import { HealthModule } from './health/health.module.js';
import { StepsModule } from './steps/steps.module.js';
import { ToolsModule } from './tools/tools.module.js';

@Module({
  imports: [AiModule.forRoot(), AppConfigModule, HealthModule, ToolsModule, StepsModule],
  providers: [
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
    { provide: APP_FILTER, useClass: AiExceptionFilter },
  ],
})
export class AppModule {}
