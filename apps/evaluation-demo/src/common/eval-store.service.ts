// The app's run store (@repo/evaluation's EvalRunStore on @repo/storage): a PGlite folder by
// default, PostgreSQL with DATABASE_URL. Opened at boot, because runs that a crash left `running`
// must be marked failed before anyone reads them; a failed open (the folder held by another
// process) is logged and retried by the next request. Closed on shutdown.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createEvalRunStore, type EvalRunStore } from '@repo/evaluation';
import { APP_CONFIG, createLazyResource } from '@repo/nest';
import { openDatabaseWith, type Database } from '@repo/storage';
import type { AppConfig } from '../app-config.js';

/** What a run left `running` by a crash or a kill is marked with at the next start. */
export const INTERRUPTED = 'interrupted by a restart';

interface OpenStore {
  database: Database;
  store: EvalRunStore;
}

@Injectable()
export class EvalStoreService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EvalStore');
  private readonly resource = createLazyResource({
    open: () => this.connect(),
    close: (open: OpenStore) => open.database.close(),
    onOpen: (open) => this.logger.log(`Runs stored on ${open.database.url}`),
    onError: (error) => this.logger.error(error instanceof Error ? error.message : String(error)),
  });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async store(): Promise<EvalRunStore> {
    return (await this.resource.get()).store;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.resource.get().catch(() => undefined);
  }

  onApplicationShutdown(): Promise<void> {
    return this.resource.close();
  }

  private async connect(): Promise<OpenStore> {
    return openDatabaseWith({ url: this.config.DATABASE_URL }, async (database) => {
      const store = await createEvalRunStore(database);
      await this.failInterruptedRuns(store);
      return { database, store };
    });
  }

  /**
   * Runs execute in this process only, so at open nothing can still be running: whatever says
   * `running` was cut off by a crash. (One process per store: PGlite locks its folder; two app
   * instances on one PostgreSQL would each fail the other's runs.)
   */
  private async failInterruptedRuns(store: EvalRunStore): Promise<void> {
    const stale = await store.failRunning(INTERRUPTED);
    if (stale > 0) this.logger.warn(`${stale} run(s) left running by a restart marked failed`);
  }
}
