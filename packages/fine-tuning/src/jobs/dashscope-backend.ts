// DashScope (百炼, Alibaba Cloud Model Studio) fine-tuning over its REST API, with fetch. Jobs:
// `/api/v1/fine-tunes` (https://help.aliyun.com/en/model-studio/create-fine-tuning-job-api and
// its get, list and cancel pages), answers wrapped as `{ request_id, output: {…} }`; files through
// the OpenAI-compatible `/compatible-mode/v1/files`. Fields marked "unconfirmed" are our reading,
// not shown in the documentation's examples.
import { createMemoryJobRecordStore, type JobRecordStore } from './job-records.js';
import { createJobSubmission } from './job-submission.js';
import type { FineTuningBackend } from './job-types.js';
import { UnsupportedJobOperationError } from './jobs-errors.js';
import { toBody, toJob, type DashScopeJob } from './dashscope-job-mapping.js';
import { restClientFor, uploadForm, type RestBackendOptions } from './rest-client.js';

/** baseURL default: https://dashscope.aliyuncs.com (international: https://dashscope-intl.aliyuncs.com). */
export interface DashScopeJobsBackendOptions extends RestBackendOptions {
  records?: JobRecordStore;
}

const NAME = 'dashscope';

export function createDashScopeJobsBackend(
  options: DashScopeJobsBackendOptions = {},
): FineTuningBackend {
  const rest = restClientFor(options, {
    name: NAME,
    description: 'DashScope',
    envVar: 'DASHSCOPE_API_KEY',
    baseURL: 'https://dashscope.aliyuncs.com',
    errorOf: (body) => {
      const b = (body ?? {}) as {
        code?: string;
        message?: string;
        request_id?: string;
        error?: { message?: string; code?: string };
      };
      // Jobs answer `{code, message, request_id}`; the compatible-mode files route answers OpenAI's `{error}`.
      return {
        message: b.message ?? b.error?.message,
        code: b.code ?? b.error?.code,
        requestId: b.request_id,
      };
    },
  });
  const output = async (request: Parameters<typeof rest>[0]) =>
    ((await rest(request)) as { output: unknown }).output;
  const get = async (id: string) =>
    submission.seen(
      toJob(
        (await output({
          method: 'GET',
          path: `api/v1/fine-tunes/${encodeURIComponent(id)}`,
        })) as DashScopeJob,
      ),
    );
  const submission = createJobSubmission(
    NAME,
    options.records ?? createMemoryJobRecordStore(),
    get,
  );

  return {
    name: NAME,
    async upload(source, { purpose, filename }) {
      const form = await uploadForm(source, { purpose }, filename);
      const file = (await rest({ method: 'POST', path: 'compatible-mode/v1/files', form })) as {
        id: string;
      };
      return { id: file.id };
    },
    create: (spec, options = {}) =>
      submission.create(spec, options, async () =>
        // No documented idempotency header: the record store is what makes a retried submit safe.
        toJob(
          (await output({
            method: 'POST',
            path: 'api/v1/fine-tunes',
            json: toBody(spec),
            retry: false,
          })) as DashScopeJob,
        ),
      ),
    get,
    async list({ after, limit } = {}) {
      // Pages are numbered: `after` is the page number already read (as a string).
      const pageNo = after === undefined ? 1 : Number(after) + 1;
      const query = `page_no=${pageNo}&page_size=${limit ?? 10}`;
      const page = (await output({ method: 'GET', path: `api/v1/fine-tunes?${query}` })) as {
        page_no: number;
        page_size: number;
        total: number;
        jobs: DashScopeJob[];
      };
      return { jobs: page.jobs.map(toJob), hasMore: page.page_no * page.page_size < page.total };
    },
    events: async () => {
      // Training logs exist in the console; we could not confirm a documented API route for them.
      throw new UnsupportedJobOperationError(NAME, 'events');
    },
    checkpoints: async () => {
      throw new UnsupportedJobOperationError(NAME, 'checkpoints');
    },
    async cancel(id) {
      // Answers `{output: {status: "success"}}`, not the job: read the job back.
      await output({ method: 'POST', path: `api/v1/fine-tunes/${encodeURIComponent(id)}/cancel` });
      return get(id);
    },
  };
}
