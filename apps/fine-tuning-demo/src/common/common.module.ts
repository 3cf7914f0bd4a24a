// What every feature module shares, one instance each: the data folder, the one local-llm, the job
// backends, datasets, the job follower and the comparisons.
import { Global, Module } from '@nestjs/common';
import { BackendsService } from '../backends/backends.service.js';
import { FineTunedModelsService } from '../chat/fine-tuned-models.service.js';
import { DatasetsService } from '../datasets/datasets.service.js';
import { JobFollowerService } from '../jobs/job-follower.service.js';
import { AppDataService } from './app-data.service.js';
import { JobDatabaseService } from './job-database.service.js';
import { LocalLlmService } from './local-llm.service.js';

const shared = [
  AppDataService,
  JobDatabaseService,
  LocalLlmService,
  BackendsService,
  DatasetsService,
  JobFollowerService,
  FineTunedModelsService,
];

@Global()
@Module({ providers: shared, exports: shared })
export class CommonModule {}
