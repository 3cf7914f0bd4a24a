// `ai-ft <verb> [flags]`: the verbs and their usage texts, run by runVerbCli from `@repo/core/cli`:
// exit 2 for a bad flag or argument or a missing API key, 1 for problems in the data, a failed job
// or a provider error, 130 when Ctrl-C stops following a job. No stack traces for user mistakes.
import { runVerbCli, type CliIo, type CliVerb } from '@repo/core/cli';
import { CHECK_FLAGS, FLAG_OF_FIELD } from './check-file.js';
import { estimateVerb, ESTIMATE_FLAGS } from './estimate-verb.js';
import { exportVerb, EXPORT_FLAGS } from './export-verb.js';
import {
  cancelVerb,
  followVerb,
  FOLLOW_FLAGS,
  listVerb,
  LIST_FLAGS,
  submitVerb,
  SUBMIT_FLAGS,
} from './job-verbs.js';
import { BACKEND_FLAGS } from './job-backend.js';
import {
  convertVerb,
  CONVERT_FLAGS,
  dedupeVerb,
  DEDUPE_FLAGS,
  splitVerb,
  SPLIT_FLAGS,
} from './rewrite-verbs.js';
import { statsVerb } from './stats-verb.js';
import { USAGE } from './usage.js';
import { validateVerb } from './validate-verb.js';

const VERBS: Record<string, CliVerb<CliIo>> = {
  validate: { flags: CHECK_FLAGS, run: validateVerb },
  stats: { flags: CHECK_FLAGS, run: statsVerb },
  estimate: { flags: ESTIMATE_FLAGS, run: estimateVerb },
  convert: { flags: CONVERT_FLAGS, run: convertVerb },
  split: { flags: SPLIT_FLAGS, run: splitVerb },
  dedupe: { flags: DEDUPE_FLAGS, run: dedupeVerb },
  export: { flags: EXPORT_FLAGS, run: exportVerb },
  submit: { flags: SUBMIT_FLAGS, run: submitVerb },
  follow: { flags: FOLLOW_FLAGS, run: followVerb },
  list: { flags: LIST_FLAGS, run: listVerb },
  cancel: { flags: BACKEND_FLAGS, run: cancelVerb },
};

/** Runs the CLI and returns the exit code (main.ts sets `process.exitCode`). */
export function runCli(argv: string[], io: CliIo): Promise<number> {
  return runVerbCli(argv, io, {
    name: 'ai-ft',
    verbs: VERBS,
    usage: USAGE,
    flagOfField: FLAG_OF_FIELD,
    showReason: true,
  });
}
