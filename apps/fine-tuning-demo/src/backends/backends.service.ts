// The job backends on offer: local-llm always (the tiny GPT trained in-process), OpenAI when
// OPENAI_API_KEY is set, DashScope when DASHSCOPE_API_KEY is set. Keys go to the backends only;
// every backend shares one record store (spec, idempotency key, alias, last status) in SQL.
import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '@repo/core';
import {
  createDashScopeJobsBackend,
  createOpenAiJobsBackend,
  type FineTuningBackend,
  type JobRecordStore,
} from '@repo/fine-tuning';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';
import { JobDatabaseService } from '../common/job-database.service.js';
import { LocalLlmService } from '../common/local-llm.service.js';

export const LOCAL_BACKEND = 'local-llm';

/** Base models each backend fine-tunes, first one the default. */
export const BASE_MODELS: Record<string, string[]> = {
  'local-llm': ['tiny-gpt'],
  openai: ['gpt-4.1-mini-2025-04-14', 'gpt-4o-mini-2024-07-18', 'gpt-4.1-nano-2025-04-14'],
  dashscope: ['qwen3-8b', 'qwen2.5-7b-instruct'],
};

/** The model registry's provider that chats with a backend's fine-tuned models. */
export const CHAT_PROVIDER: Record<string, string> = {
  'local-llm': 'local',
  openai: 'openai',
  dashscope: 'qwen',
};

export interface BackendInfo {
  name: string;
  configured: boolean;
  baseModels: string[];
}

@Injectable()
export class BackendsService {
  readonly records: JobRecordStore;
  private readonly backends = new Map<string, FineTuningBackend>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(JobDatabaseService) records: JobDatabaseService,
    @Inject(LocalLlmService) local: LocalLlmService,
  ) {
    this.records = records;
    const { llm } = local;
    this.backends.set(
      LOCAL_BACKEND,
      createOpenAiJobsBackend({
        name: LOCAL_BACKEND,
        baseURL: llm.baseURL,
        fetch: llm.fetch,
        apiKey: 'local',
        records,
      }),
    );
    if (config.OPENAI_API_KEY)
      this.backends.set(
        'openai',
        createOpenAiJobsBackend({ apiKey: config.OPENAI_API_KEY, records }),
      );
    if (config.DASHSCOPE_API_KEY)
      this.backends.set(
        'dashscope',
        createDashScopeJobsBackend({ apiKey: config.DASHSCOPE_API_KEY, records }),
      );
  }

  /** The configured backends by name (for following recorded jobs). */
  configured(): Record<string, FineTuningBackend> {
    return Object.fromEntries(this.backends);
  }

  list(): BackendInfo[] {
    return Object.entries(BASE_MODELS).map(([name, baseModels]) => ({
      name,
      configured: this.backends.has(name),
      baseModels,
    }));
  }

  /** The backend by name; InvalidInputError (400) naming `field` when unknown or unconfigured. */
  get(name: string, field = 'backend'): FineTuningBackend {
    const backend = this.backends.get(name);
    if (backend) return backend;
    const reason =
      name in BASE_MODELS
        ? `${name} is not configured (set ${name === 'openai' ? 'OPENAI_API_KEY' : 'DASHSCOPE_API_KEY'})`
        : `must be one of ${Object.keys(BASE_MODELS).join(', ')}`;
    throw new InvalidInputError(`Unknown backend "${name}": ${reason}.`, [{ field, reason }]);
  }
}
