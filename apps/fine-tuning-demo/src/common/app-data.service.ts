// The app's data folder, from DATABASE_URL: `file:<folder>` keeps datasets, jobs, comparisons, the
// job records' PGlite database and local-llm's uploads and runs there (a restart finds them);
// `memory://` makes a temporary folder, removed on shutdown (after local-llm has stopped); with
// `postgres://…` the records go to PostgreSQL and the files to FINE_TUNING_DATA_DIR.
// Created at construction, so every other provider can rely on it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';

@Injectable()
export class AppDataService {
  private readonly logger = new Logger('AppData');
  readonly root: string;
  readonly temporary: boolean;
  /** Where the job records are: PGlite inside the folder, in memory, or the PostgreSQL URL. */
  readonly databaseUrl: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const url = config.DATABASE_URL;
    this.temporary = url === 'memory://';
    if (this.temporary) this.root = mkdtempSync(path.join(tmpdir(), 'fine-tuning-demo-'));
    else if (url.startsWith('file:')) this.root = path.resolve(url.slice('file:'.length));
    else this.root = path.resolve(config.FINE_TUNING_DATA_DIR);
    this.databaseUrl = url.startsWith('file:') ? `file:${path.join(this.root, 'database')}` : url;
    for (const folder of [this.datasets, this.jobs, this.localLlm, this.uploads, this.compares])
      mkdirSync(folder, { recursive: true });
    this.logger.log(this.temporary ? 'Data kept in memory only' : `Data kept in ${this.root}`);
  }

  get datasets(): string {
    return path.join(this.root, 'datasets');
  }

  get jobs(): string {
    return path.join(this.root, 'jobs');
  }

  get localLlm(): string {
    return path.join(this.root, 'local-llm');
  }

  get compares(): string {
    return path.join(this.root, 'compares');
  }

  get uploads(): string {
    return path.join(this.root, 'uploads');
  }

  /** Called by LocalLlmService once local-llm has stopped writing into the folder. */
  removeIfTemporary(): void {
    if (this.temporary) rmSync(this.root, { recursive: true, force: true });
  }
}
