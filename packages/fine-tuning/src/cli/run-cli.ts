// `ai-ft <verb> [flags]`: picks the verb, parses its flags, runs it and turns what went wrong into
// one line and an exit code: 2 for a bad flag or argument (an InvalidInputError, which names the
// field), 1 for problems in the data, a failed job or a provider error, 130 when Ctrl-C stops
// following a job. No stack traces for user mistakes.
import { InvalidInputError, MissingApiKeyError } from '@repo/core';
import { CHECK_FLAGS, FLAG_OF_FIELD } from './check-file.js';
import type { CliIo } from './cli-io.js';
import { estimateVerb, ESTIMATE_FLAGS } from './estimate-verb.js';
import { exportVerb, EXPORT_FLAGS } from './export-verb.js';
import { flagError, Flags, type FlagSpec } from './flags.js';
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

type Verb = (flags: Flags, io: CliIo) => Promise<number> | number;

const VERBS: Record<string, { flags: FlagSpec; run: Verb }> = {
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
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined) {
    io.stderr.write(`${USAGE.main}\n`);
    return 2;
  }
  if (verb === '--help' || verb === '-h' || verb === 'help') {
    const topic = rest[0] !== undefined && VERBS[rest[0]] ? rest[0] : 'main';
    io.stdout.write(`${USAGE[topic]}\n`);
    return 0;
  }
  const entry = VERBS[verb];
  const prefix = `ai-ft ${entry ? verb : ''}`.trimEnd();
  try {
    if (!entry) throw flagError(`"${verb}"`, `is not a command (${Object.keys(VERBS).join(', ')})`);
    const flags = Flags.parse(rest, entry.flags);
    if (flags.help) {
      io.stdout.write(`${USAGE[verb]}\n`);
      return 0;
    }
    return await entry.run(flags, io);
  } catch (error) {
    if (error instanceof MissingApiKeyError) {
      io.stderr.write(`${prefix}: no API key: set ${error.environmentVariableName}\n`);
      return 2;
    }
    if (error instanceof InvalidInputError) {
      io.stderr.write(`${prefix}: ${explain(error)}\n`);
      return 2;
    }
    io.stderr.write(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** The library names its options (maxErrors); say which flag sets them. */
function explain(error: InvalidInputError): string {
  const detail = error.details[0];
  const flag = detail === undefined ? undefined : FLAG_OF_FIELD[detail.field];
  const reason =
    detail && !error.message.includes(detail.reason) ? `: ${detail.field} ${detail.reason}` : '';
  return flag && !error.message.includes(flag)
    ? `${error.message}${reason} (${flag})`
    : `${error.message}${reason}`;
}
