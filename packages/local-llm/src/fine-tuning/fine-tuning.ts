// OpenAI's Files and Fine-tuning APIs on local-llm, backed by @repo/trainer: the data folder, the
// stores loaded back from it, the job runner, and the routes `/v1/files*` and
// `/v1/fine_tuning/*`. local-llm imports this module on the first such request, or at start when
// a data folder is configured (its jobs resume then).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { errorResponse } from '../openai-errors.js';
import type { TrainedModels } from '../trained-models.js';
import { FileStore, handleFiles } from './files.js';
import { JobStore } from './job-records.js';
import { handleJobs } from './job-routes.js';
import { JobRunner } from './job-runner.js';
import { JobRequestError, JobService } from './job-service.js';
import type { FineTuningSettings } from './config.js';
import { openDataDir } from './store.js';
import { loadTrainer } from './trainer-module.js';

export interface FineTuning {
  dataDir: string;
  handle(request: Request, path: string): Promise<Response>;
  close(): Promise<void>;
}

export async function createFineTuning(
  settings: FineTuningSettings,
  trained: TrainedModels,
): Promise<FineTuning> {
  const { maxFileBytes: maxBytes, concurrency } = settings;
  const data = await openDataDir(settings.dataDir);
  const files = new FileStore(path.join(data.root, 'files'));
  await files.load();
  const store = new JobStore(path.join(data.root, 'jobs'));
  const records = await store.load();
  const runner = new JobRunner(store, trained, loadTrainer, concurrency);
  const jobs = new JobService(store, files, runner, trained, loadTrainer);
  await jobs.recover(records);

  return {
    dataDir: data.root,
    async handle(request, route) {
      const parts = route.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
      try {
        if (parts[0] === 'files')
          return await handleFiles(files, request, parts.slice(1), maxBytes);
        if (parts[0] === 'fine_tuning' && parts[1] === 'jobs')
          return await handleJobs(jobs, request, parts.slice(2));
      } catch (error) {
        if (error instanceof JobRequestError) return error.response;
        throw error;
      }
      return errorResponse(404, `Unknown route: ${request.method} ${route}`);
    },
    async close() {
      await runner.close();
      if (data.temporary) await rm(data.root, { recursive: true, force: true });
    },
  };
}
