// Jobs through the official openai SDK: OpenAI itself, Azure OpenAI (statuses: AZURE_STATUSES),
// any OpenAI-compatible job API and local-llm. The client runs with maxRetries: 0 and every call
// goes through @repo/providers' withRetry (the one retry loop, honouring Retry-After); a create is
// retried only with an idempotency key, which is sent as `Idempotency-Key` and remembered in the
// job record store.
import { createReadStream } from 'node:fs';
import { loadApiKey } from '@repo/core';
import { withRetry, type RetryOptions } from '@repo/providers';
import OpenAI, { toFile } from 'openai';
import { createMemoryJobRecordStore, type JobRecordStore } from './job-records.js';
import { createJobSubmission } from './job-submission.js';
import type { FineTuningBackend, JobEvent } from './job-types.js';
import {
  fromSdkError,
  toCheckpoint,
  toCreateParams,
  toEvent,
  toJob,
} from './openai-job-mapping.js';
import { OPENAI_STATUSES, type StatusTable } from './status-maps.js';

export interface OpenAiJobsBackendOptions {
  /** The backend's name on jobs and records (default `openai`). */
  name?: string;
  apiKey?: string;
  /** Default `OPENAI_API_KEY`, looked up when a request is made. */
  environmentVariableName?: string;
  env?: Record<string, string | undefined>;
  /** Default OpenAI's; Azure's `https://<resource>.openai.azure.com/openai/v1`, local-llm's `/v1`. */
  baseURL?: string;
  fetch?: typeof globalThis.fetch;
  statuses?: StatusTable;
  records?: JobRecordStore;
  retry?: RetryOptions;
}

export function createOpenAiJobsBackend(options: OpenAiJobsBackendOptions = {}): FineTuningBackend {
  const name = options.name ?? 'openai';
  const statuses = options.statuses ?? OPENAI_STATUSES;
  const records = options.records ?? createMemoryJobRecordStore();
  let client: { key: string; sdk: OpenAI } | undefined;

  const call = <T>(run: (sdk: OpenAI) => Promise<T>, retry = true): Promise<T> => {
    const apiKey = loadApiKey({
      apiKey: options.apiKey,
      environmentVariableName: options.environmentVariableName ?? 'OPENAI_API_KEY',
      description: name,
      env: options.env,
    });
    if (client?.key !== apiKey) {
      const sdk = new OpenAI({
        apiKey,
        maxRetries: 0,
        ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      });
      client = { key: apiKey, sdk };
    }
    const { sdk } = client;
    const attempt = async () => {
      try {
        return await run(sdk);
      } catch (error) {
        throw fromSdkError(error, name, apiKey);
      }
    };
    return withRetry(attempt, retry ? options.retry : { ...options.retry, maxRetries: 0 });
  };
  const job = (run: (sdk: OpenAI) => Promise<OpenAI.FineTuning.FineTuningJob>) =>
    call(run).then((raw) => submission.seen(toJob(raw, name, statuses)));
  const get = (id: string) => job((sdk) => sdk.fineTuning.jobs.retrieve(id));
  const submission = createJobSubmission(name, records, get);

  return {
    name,
    upload: (source, { purpose, filename }) =>
      call(
        async (sdk) => {
          const file =
            typeof source === 'string'
              ? createReadStream(source)
              : await toFile(source, filename ?? 'train.jsonl');
          const uploaded = await sdk.files.create({ file, purpose });
          return { id: uploaded.id };
        },
        typeof source === 'string', // a stream is read once: only a path can be sent again
      ),
    create: (spec, options = {}) =>
      submission.create(spec, options, () => {
        const { idempotencyKey } = options;
        const request =
          idempotencyKey === undefined
            ? {}
            : { idempotencyKey, headers: { 'Idempotency-Key': idempotencyKey } };
        return call(
          (sdk) => sdk.fineTuning.jobs.create(toCreateParams(spec), request),
          idempotencyKey !== undefined,
        ).then((raw) => toJob(raw, name, statuses));
      }),
    get,
    list: ({ after, limit } = {}) =>
      call(async (sdk) => {
        const page = await sdk.fineTuning.jobs.list({
          ...(after === undefined ? {} : { after }),
          ...(limit === undefined ? {} : { limit }),
        });
        return { jobs: page.data.map((j) => toJob(j, name, statuses)), hasMore: page.has_more };
      }),
    events: (id, { after } = {}) =>
      call(async (sdk) => {
        // Newest first: read until the last event already seen, then turn the page around.
        const fresh: JobEvent[] = [];
        for await (const event of sdk.fineTuning.jobs.listEvents(id, { limit: 100 })) {
          if (event.id === after) break;
          fresh.push(toEvent(event));
        }
        return fresh.reverse();
      }),
    checkpoints: (id) =>
      call(async (sdk) => {
        const all = [];
        for await (const c of sdk.fineTuning.jobs.checkpoints.list(id, { limit: 100 }))
          all.push(toCheckpoint(c));
        return all;
      }),
    cancel: (id) => job((sdk) => sdk.fineTuning.jobs.cancel(id)),
    pause: (id) => job((sdk) => sdk.fineTuning.jobs.pause(id)),
    resume: (id) => job((sdk) => sdk.fineTuning.jobs.resume(id)),
  };
}
