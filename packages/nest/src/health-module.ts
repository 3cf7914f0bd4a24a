// GET /health for every app (Spring Boot actuator's health endpoint, on Terminus): the model's
// config (`?deep=true` also makes one tiny model call) and the app's own probes, each reported
// under its key. A probe is a provider of the app that throws when its resource is down.
import {
  Controller,
  Get,
  Inject,
  Module,
  Optional,
  Query,
  type DynamicModule,
  type ModuleMetadata,
  type Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { AiHealthIndicator } from './ai-health-indicator.js';
import { ApiTags } from './api-docs.js';
import { HealthEndpoint } from './health-endpoint.js';

export interface HealthProbe {
  /** What the check reports whether up or down (e.g. `{ store: 'sql' }`). */
  describe?(): Record<string, unknown>;
  /** Throws when down (the message is reported); resolves with more to report when up. */
  probe(): Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
}

export interface HealthModuleOptions {
  /** The OpenAPI summary of GET /health. */
  summary: string;
  /** Report the model as `ai` (default true; the MCP server has no model). */
  ai?: boolean;
  /** The app's probes by key, e.g. `{ storage: StorageProbe }`; each is made a provider here. */
  probes?: Record<string, Type<HealthProbe>>;
  /** OpenAPI descriptions of the 200 and 503 answers (`down: false`: never 503). */
  ok?: string;
  down?: string | false;
  /** Modules whose providers the probes inject (unless they are global). */
  imports?: ModuleMetadata['imports'];
}

@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    const probes = Object.values(options.probes ?? {});
    return {
      module: HealthModule,
      imports: [TerminusModule, ...(options.imports ?? [])],
      controllers: [healthController(options)],
      providers: probes,
    };
  }
}

function healthController(options: HealthModuleOptions): Type<unknown> {
  const ai = options.ai ?? true;
  const probes = Object.entries(options.probes ?? {});

  @ApiTags('ops')
  @Controller('health')
  class HealthController {
    constructor(
      @Inject(HealthCheckService) private readonly health: HealthCheckService,
      @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
      @Inject(ModuleRef) private readonly modules: ModuleRef,
      @Optional() @Inject(AiHealthIndicator) private readonly model?: AiHealthIndicator,
    ) {}

    @Get()
    @HealthEndpoint({ summary: options.summary, ok: options.ok, down: options.down, deep: ai })
    check(@Query('deep') deep?: string) {
      return this.health.check([
        ...(ai && this.model ? [() => this.model!.check('ai', { deep: deep === 'true' })] : []),
        ...probes.map(
          ([key, type]) =>
            () =>
              this.run(key, this.modules.get(type)),
        ),
      ]);
    }

    private async run(key: string, probe: HealthProbe) {
      const indicator = this.indicators.check(key);
      const facts = probe.describe?.() ?? {};
      try {
        return indicator.up({ ...facts, ...((await probe.probe()) ?? {}) });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return indicator.down({ ...facts, message });
      }
    }
  }
  return HealthController;
}
