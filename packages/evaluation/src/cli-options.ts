// `ai-eval` arguments → what to run and where each report goes. Separate from cli.ts so the
// pairing rules (reporters ↔ outputs) are unit-tested without spawning a process.
import { parseArgs } from 'node:util';
import { extname } from 'node:path';
import { InvalidInputError } from '@repo/core';

export type ReporterName = 'console' | 'json' | 'junit' | 'html';
const REPORTERS: readonly ReporterName[] = ['console', 'json', 'junit', 'html'];

export interface ReportTarget {
  reporter: Exclude<ReporterName, 'console'>;
  /** A file path, or undefined for stdout (json and junit only). */
  file?: string;
}

export interface CliOptions {
  command: 'run' | 'compare' | 'help';
  files: string[];
  console: boolean;
  targets: ReportTarget[];
  minPassRate: number;
  concurrency?: number;
  retries?: number;
  timeoutMs?: number;
  cache: boolean;
  cacheDir?: string;
  judge?: string;
  compare?: string;
  progress: boolean;
}

export const USAGE = `Usage:
  ai-eval run <suite.yaml|json> [options]
  ai-eval compare <before.json> <after.json>

Options for run:
  --reporter <console|json|junit|html>  repeatable (default: console)
  --output <file>           repeatable; paired in order with json/junit/html reporters, or
                            the reporter is taken from the extension (.json, .xml, .html)
  --min-pass-rate <0..1>    exit 1 below it (default 1: every case must pass)
  --concurrency <n>         cases in flight (default: the suite's, else 4)
  --retries <n>             retries of each model, judge and embedding call on 429/5xx (default 2)
  --timeout <ms>            per case (default 120000)
  --judge <provider[:model]>  judge for model-graded assertions (default: the default model)
  --compare <run.json>      add the cases that flipped since that run (JSON report) to the reports
  --no-cache                call the model even when the same request was answered before
  --cache-dir <dir>         default: $XDG_CACHE_HOME/ai-eval or ~/.cache/ai-eval
  --no-progress             no progress bar

The summary and the console table go to stderr; JSON and JUnit go to stdout unless --output
names a file; HTML goes to eval-report.html unless --output names one.
Exit codes: 0 passed, 1 below --min-pass-rate, 2 invalid suite or arguments.`;

const EXTENSIONS: Record<string, ReportTarget['reporter']> = {
  '.json': 'json',
  '.xml': 'junit',
  '.html': 'html',
  '.htm': 'html',
};

export function parseCliArgs(argv: string[]): CliOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      reporter: { type: 'string', multiple: true },
      output: { type: 'string', multiple: true, short: 'o' },
      'min-pass-rate': { type: 'string' },
      concurrency: { type: 'string' },
      retries: { type: 'string' },
      timeout: { type: 'string' },
      judge: { type: 'string' },
      compare: { type: 'string' },
      'no-cache': { type: 'boolean' },
      'cache-dir': { type: 'string' },
      'no-progress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...files] = positionals;
  if (values.help || command === undefined || command === 'help')
    return { ...defaults(), command: 'help' };
  if (command !== 'run' && command !== 'compare')
    throw usageError('command', `unknown command "${command}" (run or compare)`);
  if (command === 'compare') {
    if (files.length !== 2) throw usageError('files', 'compare takes two JSON reports');
    return { ...defaults(), command, files };
  }
  if (files.length !== 1) throw usageError('suite', 'run takes one suite file');
  const reporters = (values.reporter ?? []).map((name) => {
    if (!REPORTERS.includes(name as ReporterName))
      throw usageError('--reporter', `"${name}" is not one of ${REPORTERS.join(', ')}`);
    return name as ReporterName;
  });
  return {
    ...defaults(),
    command,
    files,
    ...pairTargets(reporters, values.output ?? []),
    minPassRate: numberOption('--min-pass-rate', values['min-pass-rate'], 0, 1) ?? 1,
    concurrency: numberOption('--concurrency', values.concurrency, 1, 1000, true),
    retries: numberOption('--retries', values.retries, 0, 10, true),
    timeoutMs: numberOption('--timeout', values.timeout, 1, 86_400_000, true),
    judge: values.judge,
    compare: values.compare,
    cache: !values['no-cache'],
    cacheDir: values['cache-dir'],
    progress: !values['no-progress'],
  };
}

function pairTargets(
  reporters: ReporterName[],
  outputs: string[],
): { console: boolean; targets: ReportTarget[] } {
  const fileReporters = reporters.filter(
    (name): name is ReportTarget['reporter'] => name !== 'console',
  );
  const targets: ReportTarget[] = [];
  if (fileReporters.length === 0) {
    for (const file of outputs) {
      const reporter = EXTENSIONS[extname(file).toLowerCase()];
      if (!reporter)
        throw usageError(
          '--output',
          `cannot tell the reporter from "${file}" (use .json, .xml or .html, or --reporter)`,
        );
      targets.push({ reporter, file });
    }
  } else {
    if (outputs.length > fileReporters.length)
      throw usageError('--output', 'more outputs than json/junit/html reporters');
    fileReporters.forEach((reporter, index) => {
      const file = outputs[index] ?? (reporter === 'html' ? 'eval-report.html' : undefined);
      targets.push(file === undefined ? { reporter } : { reporter, file });
    });
  }
  if (targets.filter((target) => target.file === undefined).length > 1)
    throw usageError(
      '--output',
      'only one of json and junit can write to stdout; give the other an --output file',
    );
  return { console: reporters.length === 0 || reporters.includes('console'), targets };
}

function numberOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  integer = false,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  )
    throw usageError(name, `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  return value;
}

function defaults(): CliOptions {
  return {
    command: 'help',
    files: [],
    console: true,
    targets: [],
    minPassRate: 1,
    cache: true,
    progress: true,
  };
}

function usageError(field: string, reason: string): InvalidInputError {
  return new InvalidInputError(`${field}: ${reason}`, [{ field, reason }]);
}
