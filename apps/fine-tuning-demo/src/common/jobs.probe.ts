// The app's part of /health, answered from memory (never waiting on training, which runs in
// local-llm's worker): the jobs being followed and whether the data folder is writable.
import { access, constants } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { HealthProbe } from '@repo/nest';
import { JobFollowerService } from '../jobs/job-follower.service.js';
import { AppDataService } from './app-data.service.js';

@Injectable()
export class JobsProbe implements HealthProbe {
  constructor(
    @Inject(JobFollowerService) private readonly follower: JobFollowerService,
    @Inject(AppDataService) private readonly data: AppDataService,
  ) {}

  async probe(): Promise<{ following: number }> {
    await access(this.data.root, constants.W_OK);
    return { following: this.follower.following };
  }
}
