// Terminus indicator for the run store: one cheap lookup (opening it if a boot-time open failed),
// with the number of runs in flight. Down with the reason (e.g. the PGlite folder in use).
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { LiveRuns } from '../runs/live-runs.js';
import { EvalStoreService } from '../shared/eval-store.service.js';

@Injectable()
export class RunStoreHealthIndicator {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(EvalStoreService) private readonly store: EvalStoreService,
    @Inject(LiveRuns) private readonly live: LiveRuns,
  ) {}

  async check(key = 'runs') {
    const indicator = this.indicators.check(key);
    try {
      await (await this.store.store()).list({ limit: 1 });
      return indicator.up({ running: this.live.size });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
