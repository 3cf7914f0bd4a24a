// The feedback store on the app's database or on one opened from a URL, on first use: an app that
// never receives feedback never opens it (nor runs the migrations). A failed open (the PGlite
// folder held by another process) is the 503 of the request that triggered it, and the next
// request tries again. A database the module opened is closed at shutdown; the app's is not.
// @repo/feedback's store and @repo/storage (drizzle, PGlite, pg) are imported then too, not at
// boot: loading them added about a third to chat-demo's start-up, for feedback that may never come.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { FeedbackStore } from '@repo/feedback';
import type { Database } from '@repo/storage';
import { createLazyResource } from '../lazy-resource.js';
import { FEEDBACK_MODULE_OPTIONS } from './feedback-module-definition.js';
import type { FeedbackModuleOptions } from './feedback-module-options.js';

interface OpenStore {
  database: Database;
  store: FeedbackStore;
  owned: boolean;
}

@Injectable()
export class FeedbackStoreService implements OnApplicationShutdown {
  private readonly logger = new Logger('FeedbackModule');
  private readonly resource = createLazyResource<OpenStore>({
    open: () => this.open(),
    close: async (open) => {
      if (open.owned) await open.database.close();
    },
    onOpen: (open) => this.logger.log(`Feedback stored on ${open.database.url}`),
    onError: (error) =>
      this.logger.error(
        `Feedback store did not open (${error instanceof Error ? error.name : 'error'})`,
      ),
  });

  constructor(@Inject(FEEDBACK_MODULE_OPTIONS) private readonly options: FeedbackModuleOptions) {
    if (!options.database && !options.databaseUrl)
      throw new Error('FeedbackModule needs `database` or `databaseUrl` (e.g. DATABASE_URL)');
  }

  private wanted = false;

  /** The store, opened (and migrated) first if needed. */
  async store(): Promise<FeedbackStore> {
    this.wanted = true;
    return (await this.resource.get()).store;
  }

  /** Whether anything asked for the store yet (feedback, or an advisor writing a target). */
  get requested(): boolean {
    return this.wanted;
  }

  /** Which kind of database feedback goes to, for /health (never its URL or folder). */
  describe(): { database: 'app' | 'memory' | 'file' | 'postgres' } {
    const url = this.options.databaseUrl?.trim();
    if (url === undefined) return { database: 'app' };
    if (url.startsWith('memory:')) return { database: 'memory' };
    return { database: url.startsWith('file:') ? 'file' : 'postgres' };
  }

  onApplicationShutdown(): Promise<void> {
    return this.resource.close();
  }

  private async open(): Promise<OpenStore> {
    const { database, databaseUrl } = this.options;
    const { createFeedbackStore } = await import('@repo/feedback');
    if (database) {
      const given = typeof database === 'function' ? await database() : database;
      return { database: given, store: await createFeedbackStore(given), owned: false };
    }
    const { openDatabaseWith } = await import('@repo/storage');
    return openDatabaseWith({ url: databaseUrl }, async (opened) => ({
      database: opened,
      store: await createFeedbackStore(opened),
      owned: true,
    }));
  }
}
