// The run store's part of /health: one cheap lookup (opening it if a boot-time open failed), with
// the number of runs in flight. Down with the reason (e.g. the PGlite folder in use).
import { Inject, Injectable } from '@nestjs/common';
import type { HealthProbe } from '@repo/nest';
import { EvalStoreService } from '../common/eval-store.service.js';
import { LiveRuns } from './live-runs.js';

@Injectable()
export class RunStoreProbe implements HealthProbe {
  constructor(
    @Inject(EvalStoreService) private readonly store: EvalStoreService,
    @Inject(LiveRuns) private readonly live: LiveRuns,
  ) {}

  async probe(): Promise<{ running: number }> {
    await (await this.store.store()).list({ limit: 1 });
    return { running: this.live.size };
  }
}
