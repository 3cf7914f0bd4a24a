// The memory store's part of /health: opens it if needed (so /health is also the way to warm it
// up) and makes one cheap read. Down with the reason (e.g. the PGlite folder in use).
import { Inject, Injectable } from '@nestjs/common';
import type { HealthProbe } from '@repo/nest';
import { MemoryStoreService } from './memory-store.service.js';

const PROBE_ID = 'health-probe';

@Injectable()
export class MemoryStoreProbe implements HealthProbe {
  constructor(@Inject(MemoryStoreService) private readonly store: MemoryStoreService) {}

  describe() {
    return { store: this.store.kind };
  }

  async probe(): Promise<void> {
    await (await this.store.repository()).exists(PROBE_ID);
  }
}
