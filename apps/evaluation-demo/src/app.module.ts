// The app: AiModule (models from the env, the embedded model without a key), the shared config,
// run store and models, relevancy judging, bundled suites, suite runs and /health. Validation and
// the one error filter are global providers so e2e tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AiModule, createValidationPipe } from '@repo/nest';
import { AppExceptionFilter } from './common/app-exception-filter.js';
import { HealthModule } from './health/health.module.js';
import { RelevancyModule } from './relevancy/relevancy.module.js';
import { RunsModule } from './runs/runs.module.js';
import { SharedModule } from './shared/shared.module.js';
import { SuitesModule } from './suites/suites.module.js';

@Module({
  imports: [
    AiModule.forRoot(),
    SharedModule,
    HealthModule,
    RelevancyModule,
    SuitesModule,
    RunsModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
  ],
})
export class AppModule {}
