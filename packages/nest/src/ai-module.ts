// AiModule: Spring Boot's AI auto-configuration as one global Nest module. `forRoot()` reads the
// env; `forRootAsync()` takes options from a factory (another module's config service).
import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
} from '@nestjs/common';
import type { AiModuleAsyncOptions, AiModuleOptions } from './ai-module-options.js';
import { aiExports, aiProviders } from './ai-providers.js';
import { AI_MODULE_OPTIONS } from './ai-tokens.js';

@Module({})
export class AiModule {
  static forRoot(options: AiModuleOptions = {}): DynamicModule {
    return {
      module: AiModule,
      global: true,
      providers: [{ provide: AI_MODULE_OPTIONS, useValue: options }, ...aiProviders],
      exports: aiExports,
    };
  }

  static forRootAsync(options: AiModuleAsyncOptions): DynamicModule {
    return {
      module: AiModule,
      global: true,
      imports: (options.imports ?? []) as ModuleMetadata['imports'],
      providers: [
        {
          provide: AI_MODULE_OPTIONS,
          useFactory: options.useFactory,
          inject: (options.inject ?? []) as InjectionToken[],
        },
        ...aiProviders,
      ],
      exports: aiExports,
    };
  }
}
