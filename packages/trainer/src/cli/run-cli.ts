// `ai-train <verb> [flags]`: picks the verb, parses its flags, runs it and turns what went wrong
// into one line and an exit code: 2 for a bad flag or bad input (an InvalidInputError, which
// names the field), 1 for a failed run, 130 after Ctrl-C. No stack traces for user mistakes.
import { InvalidInputError } from '@repo/core';
import { STAGES, type Stage } from '../train/stages.js';
import type { CliIo } from './cli-io.js';
import { experimentVerb, EXPERIMENT_FLAGS } from './experiment-verb.js';
import { flagError, Flags, type FlagSpec } from './flags.js';
import { paramsVerb, PARAMS_FLAGS } from './params-verb.js';
import { resumeVerb } from './resume-verb.js';
import { runTraining } from './run-training.js';
import { sampleVerb, SAMPLE_FLAGS } from './sample-verb.js';
import { buildTrainConfig, FLAG_OF_FIELD, TRAIN_FLAGS } from './train-config.js';
import { USAGE } from './usage.js';

type Verb = (flags: Flags, io: CliIo) => Promise<number> | number;

const VERBS: Record<string, { flags: FlagSpec; run: Verb }> = {
  ...Object.fromEntries(
    STAGES.map((stage: Stage) => [
      stage,
      {
        flags: TRAIN_FLAGS[stage],
        run: async (flags: Flags, io: CliIo) =>
          runTraining(
            await buildTrainConfig(stage, flags),
            { resume: false, json: flags.boolean('json') },
            io,
          ),
      },
    ]),
  ),
  resume: { flags: { json: { type: 'boolean' } }, run: resumeVerb },
  sample: { flags: SAMPLE_FLAGS, run: sampleVerb },
  params: { flags: PARAMS_FLAGS, run: paramsVerb },
  experiment: { flags: EXPERIMENT_FLAGS, run: experimentVerb },
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
  const prefix = `ai-train ${entry ? verb : ''}`.trimEnd();
  try {
    if (!entry) throw flagError(`"${verb}"`, `is not a command (${Object.keys(VERBS).join(', ')})`);
    const flags = Flags.parse(rest, entry.flags);
    if (flags.help) {
      io.stdout.write(`${USAGE[verb]}\n`);
      return 0;
    }
    return await entry.run(flags, io);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      io.stderr.write(`${prefix}: ${explain(error)}\n`);
      return 2;
    }
    io.stderr.write(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** The library names its fields (learningRate); say which flag sets it (--lr). */
function explain(error: InvalidInputError): string {
  const field = error.details[0]?.field;
  const flag = field === undefined ? undefined : FLAG_OF_FIELD[field];
  return flag && !error.message.includes(flag) ? `${error.message} (${flag})` : error.message;
}
