// The app: @repo/nest's shell (config, validation, the one error filter, /health with the run
// store's probe), AiModule (models from the env, the embedded model without a key), the shared
// run store and models, relevancy judging, bundled suites and suite runs. Everything is a
// provider, so e2e tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { AiModule, AppShellModule } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { SharedModule } from './common/shared.module.js';
import { RelevancyModule } from './relevancy/relevancy.module.js';
import { RunStoreProbe } from './runs/run-store.probe.js';
import { RunsModule } from './runs/runs.module.js';
import { SuitesModule } from './suites/suites.module.js';

@Module({
  imports: [
    AppShellModule.forRoot({
      config: parseAppConfig,
      health: {
        summary: 'Health of the model and the run store; `deep=true` calls the model',
        probes: { runs: RunStoreProbe },
        imports: [RunsModule],
      },
    }),
    AiModule.forRoot(),
    SharedModule,
    RelevancyModule,
    SuitesModule,
    RunsModule,
  ],
})
export class AppModule {}
