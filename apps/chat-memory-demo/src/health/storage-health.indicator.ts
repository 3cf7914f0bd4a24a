// Terminus indicator for the chat memory store: opens it if needed (so /health is also the way to
// warm it up) and makes one cheap read. Down with the reason (e.g. the PGlite folder in use).
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MemoryStoreService } from '../memory/memory-store.service.js';

const PROBE_ID = 'health-probe';

@Injectable()
export class StorageHealthIndicator {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(MemoryStoreService) private readonly store: MemoryStoreService,
  ) {}

  async check(key = 'storage') {
    const indicator = this.indicators.check(key);
    try {
      await (await this.store.repository()).exists(PROBE_ID);
      return indicator.up({ store: this.store.kind });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return indicator.down({ store: this.store.kind, message });
    }
  }
}
