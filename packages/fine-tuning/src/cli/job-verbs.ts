// The verbs that drive a hosted (or local-llm) fine-tuning job through src/jobs' backend
// interface: submit (validate locally, upload, create; --follow to watch), follow (status changes
// and events until the job ends; Ctrl-C stops watching, not the job), list and cancel.
import { type CliIo, flagError, type Flags, type FlagSpec, formatCount } from '@repo/core/cli';
import { inputFile } from './flags.js';
import { followJob } from '../jobs/follow-job.js';
import { lossChart, lossPointOf, type LossPoint } from './loss-chart.js';
import type { FineTuningBackend, Job, JobEvent, JobSpec } from '../jobs/job-types.js';
import { backendFrom, BACKEND_FLAGS } from './job-backend.js';
import { checkFile } from './check-file.js';
import { issueLine } from './validate-verb.js';

const text = { type: 'string' } as const;
export const SUBMIT_FLAGS: FlagSpec = {
  ...BACKEND_FLAGS,
  model: text,
  validation: text,
  method: text,
  suffix: text,
  epochs: text,
  seed: text,
  'idempotency-key': text,
  follow: { type: 'boolean' },
  'poll-ms': text,
};
export const FOLLOW_FLAGS: FlagSpec = { ...BACKEND_FLAGS, 'poll-ms': text };
export const LIST_FLAGS: FlagSpec = { ...BACKEND_FLAGS, limit: text };

const time = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

function jobLine(job: Job): string {
  const model = job.fineTunedModel ? `  → ${job.fineTunedModel}` : '';
  return `${job.id}  ${job.status} (${job.rawStatus})  ${job.model}${model}`;
}

function eventLine(event: JobEvent): string {
  const level = event.level === 'info' ? '' : `${event.level}: `;
  return `${time(event.createdAt)}  ${level}${event.message}`;
}

function jobId(flags: Flags): string {
  const [id, extra] = flags.positionals;
  if (id === undefined)
    throw flagError('JOB_ID', 'is required: the job id (ai-ft list shows them)');
  if (extra !== undefined) throw flagError(`"${extra}"`, 'is one argument too many');
  return id;
}

/** Follows to the end: 0 when it succeeded, 1 when it failed or was cancelled, 130 on Ctrl-C. */
async function follow(backend: FineTuningBackend, id: string, flags: Flags, io: CliIo) {
  const json = flags.boolean('json');
  const print = (line: string, value: unknown): void => {
    io.stdout.write(`${json ? JSON.stringify(value) : line}\n`);
  };
  const abort = new AbortController();
  const release = io.onInterrupt?.(() => abort.abort());
  // On a terminal, metrics become a live loss curve on stderr, redrawn in place; elsewhere
  // (a pipe, --json) every event stays one line.
  const live = !json && io.stderr.isTTY === true;
  const points: LossPoint[] = [];
  let drawn = 0;
  const draw = () => {
    const lines = lossChart(points);
    io.stderr.write(`${drawn ? `\x1b[${drawn}A\x1b[J` : ''}${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  try {
    const job = await followJob(backend, id, {
      signal: abort.signal,
      pollMs: flags.whole('poll-ms', 1),
      onStatus: (j) => {
        drawn = 0; // the chart stays above; a new one starts below the status line
        print(`status ${j.status} (${j.rawStatus})`, { type: 'status', job: j });
      },
      onEvent: (e) => {
        const point = live ? lossPointOf(e) : undefined;
        if (!point) {
          drawn = 0;
          return print(eventLine(e), { type: 'event', event: e });
        }
        points.push(point);
        draw();
      },
    });
    print(jobLine(job), { type: 'end', job });
    if (job.status !== 'succeeded') {
      if (!json && job.error)
        io.stderr.write(`ai-ft: ${job.id} ${job.status}: ${job.error.message}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (!abort.signal.aborted) throw error;
    io.stderr.write(`stopped following ${id}; the job goes on (ai-ft follow ${id})\n`);
    return 130;
  } finally {
    release?.();
  }
}

export async function submitVerb(flags: Flags, io: CliIo): Promise<number> {
  const file = inputFile(flags, 'the training file (JSONL)');
  const model = flags.required('model', 'the base model to fine-tune');
  const method = flags.choice('method', ['sft', 'dpo'] as const);
  const backend = backendFrom(flags, io);
  const report = await checkFile(file, flags, io);
  if (!report.ok) {
    const issues = [...report.errors, ...(report.validation?.errors ?? [])];
    io.stderr.write(`${issues.map(issueLine).join('\n')}\n`);
    io.stderr.write(
      `ai-ft: not uploaded: ${formatCount(report.errorCount + (report.validation?.errorCount ?? 0))} errors (ai-ft validate ${file})\n`,
    );
    return 1;
  }
  const upload = (path: string) =>
    backend.upload(path, { purpose: 'fine-tune' }).then((uploaded) => uploaded.id);
  const validationFile = flags.string('validation');
  const epochs = flags.whole('epochs', 1);
  const seed = flags.whole('seed', 0);
  const suffix = flags.string('suffix');
  const spec: JobSpec = {
    model,
    trainingFile: await upload(file),
    ...(validationFile === undefined ? {} : { validationFile: await upload(validationFile) }),
    ...(method === undefined ? {} : { method: method === 'dpo' ? 'dpo' : 'supervised' }),
    ...(suffix === undefined ? {} : { suffix }),
    ...(seed === undefined ? {} : { seed }),
    ...(epochs === undefined ? {} : { hyperparameters: { nEpochs: epochs } }),
  };
  const job = await backend.create(spec, { idempotencyKey: flags.string('idempotency-key') });
  if (flags.boolean('json') && !flags.boolean('follow'))
    io.stdout.write(`${JSON.stringify(job)}\n`);
  else if (!flags.boolean('json')) io.stdout.write(`submitted ${jobLine(job)}\n`);
  return flags.boolean('follow') ? follow(backend, job.id, flags, io) : 0;
}

export function followVerb(flags: Flags, io: CliIo): Promise<number> {
  return follow(backendFrom(flags, io), jobId(flags), flags, io);
}

export async function listVerb(flags: Flags, io: CliIo): Promise<number> {
  if (flags.positionals[0] !== undefined)
    throw flagError(`"${flags.positionals[0]}"`, 'is not a flag: list takes no arguments');
  const { jobs, hasMore } = await backendFrom(flags, io).list({ limit: flags.whole('limit', 1) });
  if (flags.boolean('json')) io.stdout.write(`${JSON.stringify({ jobs, hasMore })}\n`);
  else
    io.stdout.write(
      [
        ...jobs.map((j) => `${time(j.createdAt)}  ${jobLine(j)}`),
        ...(hasMore ? ['… more (--limit)'] : []),
      ]
        .map((line) => `${line}\n`)
        .join('') || 'no jobs\n',
    );
  return 0;
}

export async function cancelVerb(flags: Flags, io: CliIo): Promise<number> {
  const job = await backendFrom(flags, io).cancel(jobId(flags));
  io.stdout.write(flags.boolean('json') ? `${JSON.stringify(job)}\n` : `${jobLine(job)}\n`);
  return 0;
}
