// The runs in flight in this process, by id (shared by starting, cancelling and reading runs).
import { Injectable } from '@nestjs/common';
import type { LiveRun } from './live-run.js';

@Injectable()
export class LiveRuns {
  private readonly runs = new Map<string, LiveRun>();

  get size(): number {
    return this.runs.size;
  }

  get(id: string): LiveRun | undefined {
    return this.runs.get(id);
  }

  add(run: LiveRun): void {
    this.runs.set(run.id, run);
  }

  delete(id: string): void {
    this.runs.delete(id);
  }

  all(): LiveRun[] {
    return [...this.runs.values()];
  }
}
