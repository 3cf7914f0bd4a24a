// AiModule: Spring Boot's AI auto-configuration as one global Nest module. `forRoot()` reads the
// env; `forRootAsync()` takes options from a factory (another module's config service).
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigurableAiModule } from './ai-module-definition.js';
import type { AiModuleOptions } from './ai-module-options.js';
import { aiExports, aiProviders } from './ai-providers.js';

@Module({ providers: aiProviders, exports: aiExports })
export class AiModule extends ConfigurableAiModule {
  /** With no options the env decides, and no key means the embedded local model. */
  static override forRoot(options: AiModuleOptions = {}): DynamicModule {
    return super.forRoot(options);
  }
}
