// The app's database (@repo/storage: PGlite in `<data folder>/database`, in memory with
// DATABASE_URL=memory://, or PostgreSQL) and @repo/fine-tuning's SQL job records on it: which backend holds each
// job, its spec, idempotency key, alias and last status, so unfinished jobs are followed again
// after a restart. Opened at boot, closed on shutdown; a failed open is retried by the next use.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createSqlJobRecordStore, type JobRecord, type JobRecordStore } from '@repo/fine-tuning';
import { createLazyResource } from '@repo/nest';
import { openDatabaseWith, type Database } from '@repo/storage';
import { AppDataService } from './app-data.service.js';

interface JobDatabase {
  database: Database;
  records: JobRecordStore;
}

@Injectable()
export class JobDatabaseService
  implements JobRecordStore, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('JobDatabase');
  private readonly resource = createLazyResource({
    open: () => this.connect(),
    close: (open: JobDatabase) => open.database.close(),
    onOpen: (open) => this.logger.log(`Job records stored on ${open.database.url}`),
    onError: (error) => this.logger.error(error instanceof Error ? error.message : String(error)),
  });

  constructor(@Inject(AppDataService) private readonly data: AppDataService) {}

  private async store(): Promise<JobRecordStore> {
    return (await this.resource.get()).records;
  }

  get = async (backend: string, jobId: string): Promise<JobRecord | undefined> =>
    (await this.store()).get(backend, jobId);

  findByIdempotencyKey = async (backend: string, key: string): Promise<JobRecord | undefined> =>
    (await this.store()).findByIdempotencyKey(backend, key);

  put = async (record: JobRecord): Promise<void> => (await this.store()).put(record);

  list = async (): Promise<JobRecord[]> => (await this.store()).list();

  async onApplicationBootstrap(): Promise<void> {
    await this.resource.get().catch(() => undefined);
  }

  onApplicationShutdown(): Promise<void> {
    return this.resource.close();
  }

  private connect(): Promise<JobDatabase> {
    return openDatabaseWith({ url: this.data.databaseUrl }, async (database) => ({
      database,
      records: await createSqlJobRecordStore(database),
    }));
  }
}
