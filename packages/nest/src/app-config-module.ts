// The app's validated config as one injectable value: `@Inject(APP_CONFIG) config: AppConfig`.
// Parsed once per process: main.ts validates it before Nest starts (startNestApp) and the module
// hands out that same object, so a value is never read from the env twice. e2e tests override
// APP_CONFIG with a config of their own.
import { Global, Module, type DynamicModule } from '@nestjs/common';

/** Injection token of the app's validated config. */
export const APP_CONFIG = Symbol('APP_CONFIG');

const parsed = new WeakMap<() => unknown, unknown>();

/** `parse()`'s result, computed on the first call for this function and kept. */
export function parseOnce<Config>(parse: () => Config): Config {
  if (!parsed.has(parse)) parsed.set(parse, parse());
  return parsed.get(parse) as Config;
}

@Global()
@Module({})
export class AppConfigModule {
  static forRoot<Config>(parse: () => Config): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useFactory: () => parseOnce(parse) }],
      exports: [APP_CONFIG],
    };
  }
}
