// The app's one database (a PGlite folder by default, PostgreSQL with DATABASE_URL) and the two
// stores on it: feedback (votes, ratings, thumbs, corrections) and campaigns. Opened at boot so
// unfinished generation can resume; a failed open (the folder held by another process) is logged
// and retried by the next request. Closed on shutdown.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  createCampaignStore,
  createFeedbackStore,
  type CampaignStore,
  type FeedbackStore,
} from '@repo/feedback';
import { APP_CONFIG, createLazyResource } from '@repo/nest';
import { openDatabaseWith, type Database } from '@repo/storage';
import type { AppConfig } from '../app-config.js';

export interface FeedbackData {
  database: Database;
  feedback: FeedbackStore;
  campaigns: CampaignStore;
}

@Injectable()
export class FeedbackDataService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FeedbackData');
  private readonly resource = createLazyResource({
    open: () => this.connect(),
    close: (open: FeedbackData) => open.database.close(),
    onOpen: (open) => this.logger.log(`Feedback stored on ${open.database.url}`),
    onError: (error) => this.logger.error(error instanceof Error ? error.message : String(error)),
  });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  data(): Promise<FeedbackData> {
    return this.resource.get();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.resource.get().catch(() => undefined);
  }

  onApplicationShutdown(): Promise<void> {
    return this.resource.close();
  }

  private async connect(): Promise<FeedbackData> {
    return openDatabaseWith({ url: this.config.DATABASE_URL }, async (database) => {
      const feedback = await createFeedbackStore(database);
      const campaigns = await createCampaignStore(database, feedback);
      return { database, feedback, campaigns };
    });
  }
}
