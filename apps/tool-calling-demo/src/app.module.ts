// The app: @repo/nest's shell (config, validation, the one error filter, /health with the model),
// AiModule (models from the env, embedded model without a key), /api/tools (catalogue, one tool
// by hand, the automatic loop) and /api/tools/steps (user-controlled execution). Everything is a
// provider, so e2e tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { AiModule, AppShellModule } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { StepsModule } from './steps/steps.module.js';
import { ToolsModule } from './tools/tools.module.js';

@Module({
  imports: [
    AppShellModule.forRoot({
      config: parseAppConfig,
      health: { summary: 'Health; `deep=true` makes one tiny model call' },
    }),
    AiModule.forRoot(),
    ToolsModule,
    StepsModule,
  ],
})
export class AppModule {}
