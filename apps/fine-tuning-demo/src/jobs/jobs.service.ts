// Submitting and steering jobs. A submit checks the datasets (404, 422 with the first issues), the
// backend, model, method and alias (400/409), holds a slot (429 when FINE_TUNING_MAX_ACTIVE_JOBS
// jobs are unfinished), uploads the files and creates the job, then follows it in the background.
// The same Idempotency-Key twice gives the same job (200), even when both arrive at once.
import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError, OverloadedError } from '@repo/core';
import { isTerminal, type JobSpec } from '@repo/fine-tuning';
import { APP_CONFIG } from '@repo/nest';
import { isProviderName } from '@repo/providers';
import type { AppConfig } from '../app-config.js';
import { BackendsService, BASE_MODELS, LOCAL_BACKEND } from '../backends/backends.service.js';
import type { DatasetJson } from '../datasets/dataset-json.js';
import { DatasetsService } from '../datasets/datasets.service.js';
import type { CreateJobBody } from './dto/create-job.dto.js';
import { aliasTaken, datasetHasErrors, jobNotFound, notInThisStatus } from './job-errors.js';
import { JobFollowerService } from './job-follower.service.js';
import { toView, withJob, type AppJobRecord, type JobMethod, type JobView } from './job-view.js';

const RETRY_AFTER_MS = 10_000;

type Action = 'cancel' | 'pause' | 'resume';
const ALLOWED: Record<Action, (status: string) => boolean> = {
  cancel: (status) => !isTerminal(status as AppJobRecord['status']) && status !== 'cancelling',
  pause: (status) => status === 'running',
  resume: (status) => status === 'paused',
};

function invalid(field: string, reason: string): InvalidInputError {
  return new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);
}

@Injectable()
export class JobsService {
  private readonly inFlight = new Map<string, Promise<JobView>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BackendsService) private readonly backends: BackendsService,
    @Inject(DatasetsService) private readonly datasets: DatasetsService,
    @Inject(JobFollowerService) private readonly follower: JobFollowerService,
  ) {}

  async create(body: CreateJobBody, key?: string): Promise<{ job: JobView; created: boolean }> {
    if (key !== undefined) {
      const known = await this.follower.store.findByIdempotencyKey(key);
      if (known) return { job: toView(this.follower.current(known)), created: false };
      const pending = this.inFlight.get(key);
      if (pending) return { job: await pending, created: false };
    }
    const submit = this.submit(body, key);
    if (key === undefined) return { job: await submit, created: true };
    this.inFlight.set(key, submit);
    try {
      return { job: await submit, created: true };
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async submit(body: CreateJobBody, key: string | undefined): Promise<JobView> {
    const backendName = body.backend ?? LOCAL_BACKEND;
    const backend = this.backends.get(backendName);
    const training = await this.usable('trainingDataset', body.trainingDataset);
    const validation =
      body.validationDataset === undefined
        ? undefined
        : await this.usable('validationDataset', body.validationDataset);
    const method = this.methodFor(training, body.method);
    if (validation && validation.format !== training.format)
      throw invalid('validationDataset', `must be ${training.format} like the training dataset`);
    const model = body.model ?? BASE_MODELS[backendName]![0]!;
    if (backendName === LOCAL_BACKEND && !BASE_MODELS[LOCAL_BACKEND]!.includes(model))
      throw invalid('model', `must be ${BASE_MODELS[LOCAL_BACKEND]!.join(' or ')} on local-llm`);
    if (body.alias !== undefined && isProviderName(body.alias))
      throw invalid('alias', `must not be a provider's name ("${body.alias}")`);
    if (body.alias !== undefined && (await this.follower.store.findByAlias(body.alias)))
      throw aliasTaken(body.alias);
    const jobs = await this.follower.store.list();
    const active = jobs.filter((job) => !isTerminal(this.follower.current(job).status)).length;
    if (active >= this.config.FINE_TUNING_MAX_ACTIVE_JOBS)
      throw new OverloadedError(
        `${active} jobs are unfinished already (FINE_TUNING_MAX_ACTIVE_JOBS); try again when one ends`,
        RETRY_AFTER_MS,
      );

    const upload = (dataset: DatasetJson) =>
      backend.upload(this.datasets.store.rowsPath(dataset.id), {
        purpose: 'fine-tune',
        filename: dataset.filename,
      });
    const { hyperparameters: h } = body;
    const spec: JobSpec = {
      model,
      trainingFile: (await upload(training)).id,
      ...(validation ? { validationFile: (await upload(validation)).id } : {}),
      ...(body.suffix === undefined ? {} : { suffix: body.suffix }),
      ...(body.seed === undefined ? {} : { seed: body.seed }),
      method,
      ...(h ? { hyperparameters: h } : {}),
    };
    const job = await backend.create(spec, {
      ...(key === undefined ? {} : { idempotencyKey: key }),
      ...(body.alias === undefined ? {} : { alias: body.alias }),
    });
    const record = withJob(
      {
        id: job.id,
        backend: backendName,
        alias: body.alias ?? null,
        createdAt: new Date(job.createdAt).toISOString(),
        trainingDataset: training.id,
        validationDataset: validation?.id ?? null,
        method,
        lastMetrics: null,
        ...(key === undefined ? {} : { idempotencyKey: key }),
      } as AppJobRecord,
      job,
    );
    await this.follower.store.put(record);
    this.follower.follow(record);
    return toView(record);
  }

  private async usable(field: string, id: string): Promise<DatasetJson> {
    const dataset = await this.datasets.get(id, field);
    if (!dataset.ok) throw datasetHasErrors(field, dataset);
    return dataset;
  }

  private methodFor(dataset: DatasetJson, method: JobMethod | undefined): JobMethod {
    const fits: Partial<Record<DatasetJson['format'], JobMethod>> = {
      sft: 'supervised',
      dpo: 'dpo',
    };
    const natural = fits[dataset.format];
    if (!natural)
      throw invalid(
        'trainingDataset',
        `is ${dataset.format}: jobs train on chat (sft) or preference (dpo) rows`,
      );
    if (method !== undefined && method !== natural)
      throw invalid('method', `must be ${natural} for a ${dataset.format} dataset`);
    return natural;
  }

  async list(): Promise<JobView[]> {
    return (await this.follower.store.list()).map((record) =>
      toView(this.follower.current(record)),
    );
  }

  async record(id: string): Promise<AppJobRecord> {
    const record = await this.follower.store.get(id);
    if (!record) throw jobNotFound(id);
    return this.follower.current(record);
  }

  async get(id: string): Promise<JobView> {
    return toView(await this.record(id));
  }

  async act(id: string, action: Action): Promise<JobView> {
    const record = await this.record(id);
    const backend = this.backends.get(record.backend);
    const latest = await backend.get(id);
    if (!ALLOWED[action](latest.status)) throw notInThisStatus(id, action, latest.status);
    const run = backend[action]?.bind(backend);
    if (!run) throw notInThisStatus(id, action, `on ${record.backend}, which cannot ${action}`);
    return toView(await this.follower.update(record, await run(id)));
  }
}
