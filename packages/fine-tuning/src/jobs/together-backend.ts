// Together AI fine-tuning over its REST API, with fetch: `/v1/fine-tunes` (create, list, get),
// `/v1/fine-tunes/{id}/events`, `/v1/fine-tunes/{id}/cancel` (https://docs.together.ai/reference/
// post-fine-tunes and its siblings) and `/v1/files/upload`. Fields marked "unconfirmed" are our
// reading, not shown in the documentation's examples.
import { createMemoryJobRecordStore, type JobRecordStore } from './job-records.js';
import { createJobSubmission } from './job-submission.js';
import type { FineTuningBackend } from './job-types.js';
import { UnsupportedJobOperationError } from './jobs-errors.js';
import {
  toBody,
  toJob,
  toEvent,
  type TogetherJob,
  type TogetherEvent,
} from './together-job-mapping.js';
import { restClientFor, uploadForm, type RestBackendOptions } from './rest-client.js';

/** baseURL default: https://api.together.xyz/v1. */
export interface TogetherJobsBackendOptions extends RestBackendOptions {
  records?: JobRecordStore;
}

const NAME = 'together';

export function createTogetherJobsBackend(
  options: TogetherJobsBackendOptions = {},
): FineTuningBackend {
  const rest = restClientFor(options, {
    name: NAME,
    description: 'Together',
    envVar: 'TOGETHER_API_KEY',
    baseURL: 'https://api.together.xyz/v1',
    // `{error: {message, type, code}}` (OpenAI's shape; unconfirmed), or a bare `{message}`.
    errorOf: (body) => {
      const b = (body ?? {}) as {
        message?: string;
        error?: { message?: string; code?: string; type?: string };
      };
      return { message: b.error?.message ?? b.message, code: b.error?.code ?? b.error?.type };
    },
  });
  const path = (id: string, suffix = '') => `fine-tunes/${encodeURIComponent(id)}${suffix}`;
  const get = async (id: string) =>
    submission.seen(toJob((await rest({ method: 'GET', path: path(id) })) as TogetherJob));
  const submission = createJobSubmission(
    NAME,
    options.records ?? createMemoryJobRecordStore(),
    get,
  );

  return {
    name: NAME,
    async upload(source, { purpose, filename }) {
      const name =
        filename ??
        (typeof source === 'string' ? source.split(/[\\/]/).pop() : undefined) ??
        'train.jsonl';
      const form = await uploadForm(source, { purpose, file_name: name }, name);
      const file = (await rest({ method: 'POST', path: 'files/upload', form })) as { id: string };
      return { id: file.id };
    },
    create: (spec, options = {}) =>
      submission.create(spec, options, async () =>
        toJob(
          (await rest({
            method: 'POST',
            path: 'fine-tunes',
            json: toBody(spec),
            retry: false,
          })) as TogetherJob,
        ),
      ),
    get,
    async list({ limit } = {}) {
      // One page, no cursor documented: `after` is not supported and hasMore is always false.
      const { data } = (await rest({ method: 'GET', path: 'fine-tunes' })) as {
        data: TogetherJob[];
      };
      const jobs = data.map(toJob);
      return { jobs: limit === undefined ? jobs : jobs.slice(0, limit), hasMore: false };
    },
    async events(id, { after } = {}) {
      const { data } = (await rest({ method: 'GET', path: path(id, '/events') })) as {
        data: TogetherEvent[];
      };
      const events = data.map(toEvent);
      const seen = after === undefined ? -1 : events.findIndex((e) => e.id === after);
      return events.slice(seen + 1);
    },
    checkpoints: async () => {
      throw new UnsupportedJobOperationError(NAME, 'checkpoints');
    },
    cancel: async (id) =>
      toJob((await rest({ method: 'POST', path: path(id, '/cancel') })) as TogetherJob),
  };
}
