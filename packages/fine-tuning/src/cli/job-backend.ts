// Which job API the job verbs talk to (--backend, --base-url) and where submissions are remembered
// (--records, for idempotent resubmits across runs). Keys come from the environment only, looked
// up when a request is made: a key on the command line would end up in shell history and `ps`.
import { type CliIo, flagError, type Flags, type FlagSpec } from '@repo/core/cli';
import { createDashScopeJobsBackend } from '../jobs/dashscope-backend.js';
import { createJsonFolderJobRecordStore, createMemoryJobRecordStore } from '../jobs/job-records.js';
import type { FineTuningBackend } from '../jobs/job-types.js';
import { createOpenAiJobsBackend } from '../jobs/openai-backend.js';
import { AZURE_STATUSES } from '../jobs/status-maps.js';
import { createTogetherJobsBackend } from '../jobs/together-backend.js';

export const BACKENDS = ['openai', 'azure', 'local-llm', 'dashscope', 'together'] as const;

const text = { type: 'string' } as const;
export const BACKEND_FLAGS: FlagSpec = {
  backend: text,
  'base-url': text,
  records: text,
  json: { type: 'boolean' },
};

/** The variable each backend reads its key from (named in the help). */
export const KEY_VARIABLE: Record<(typeof BACKENDS)[number], string> = {
  openai: 'OPENAI_API_KEY',
  azure: 'AZURE_OPENAI_API_KEY',
  'local-llm': 'OPENAI_API_KEY',
  dashscope: 'DASHSCOPE_API_KEY',
  together: 'TOGETHER_API_KEY',
};

export function backendFrom(flags: Flags, io: CliIo): FineTuningBackend {
  const backend = flags.choice('backend', BACKENDS) ?? 'openai';
  const baseURL = flags.string('base-url');
  const recordsDir = flags.string('records');
  const records =
    recordsDir === undefined
      ? createMemoryJobRecordStore()
      : createJsonFolderJobRecordStore(recordsDir);
  const common = { env: io.env ?? {}, records, ...(baseURL === undefined ? {} : { baseURL }) };
  if ((backend === 'azure' || backend === 'local-llm') && baseURL === undefined)
    throw flagError(
      '--base-url',
      `is required for ${backend} (${backend === 'azure' ? 'https://<resource>.openai.azure.com/openai/v1' : 'http://localhost:<port>/v1'})`,
    );
  switch (backend) {
    case 'dashscope':
      return createDashScopeJobsBackend(common);
    case 'together':
      return createTogetherJobsBackend(common);
    case 'azure':
      return createOpenAiJobsBackend({
        ...common,
        name: 'azure',
        environmentVariableName: KEY_VARIABLE.azure,
        statuses: AZURE_STATUSES,
      });
    default:
      return createOpenAiJobsBackend({ ...common, name: backend });
  }
}
