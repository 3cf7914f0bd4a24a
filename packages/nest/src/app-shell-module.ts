// What every app's AppModule imports first: its validated config (APP_CONFIG, parsed once), the
// global validation pipe, the one error filter and GET /health. Providers, not main.ts calls, so
// e2e tests boot the same graph as `npm start`.
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AiExceptionFilter } from './ai-exception-filter.js';
import { AppConfigModule } from './app-config-module.js';
import { HealthModule, type HealthModuleOptions } from './health-module.js';
import { createValidationPipe } from './validation-pipe.js';

export interface AppShellModuleOptions<Config> {
  /** The app's `parseAppConfig` (validated once, at boot). */
  config: () => Config;
  health: HealthModuleOptions;
}

@Module({})
export class AppShellModule {
  static forRoot<Config>(options: AppShellModuleOptions<Config>): DynamicModule {
    return {
      module: AppShellModule,
      imports: [AppConfigModule.forRoot(options.config), HealthModule.forRoot(options.health)],
      providers: [
        { provide: APP_PIPE, useFactory: () => createValidationPipe() },
        { provide: APP_FILTER, useClass: AiExceptionFilter },
      ],
    };
  }
}
