// The app's worker threads (@repo/evaluation's pool): they grade every check on a model's output
// and parse the suites posted over HTTP, so neither a pathological regex nor a 500 kB YAML holds
// the event loop that answers /health. One pool for every run; its threads start on first use and
// stop with the app.
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createEvalWorkerPool, type EvalWorkerPool } from '@repo/evaluation';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';

@Injectable()
export class EvalWorkersService implements OnApplicationShutdown {
  readonly pool: EvalWorkerPool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = createEvalWorkerPool({
      gradingTimeoutMs: config.EVAL_GRADING_TIMEOUT_MS,
      parseTimeoutMs: config.EVAL_GRADING_TIMEOUT_MS,
      ...(config.EVAL_WORKER_THREADS ? { threads: config.EVAL_WORKER_THREADS } : {}),
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.pool.close();
  }
}
