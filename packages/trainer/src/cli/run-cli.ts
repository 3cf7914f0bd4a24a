// `ai-train <verb> [flags]`: the verbs and their usage texts, run by runVerbCli from
// `@repo/core/cli` (one line and exit 2 for a bad flag or input, 1 for a failed run, 130 after
// Ctrl-C).
import { runVerbCli, type CliVerb } from '@repo/core/cli';
import { STAGES, type Stage } from '../train/stages.js';
import type { CliIo } from './cli-io.js';
import { experimentVerb, EXPERIMENT_FLAGS } from './experiment-verb.js';
import { paramsVerb, PARAMS_FLAGS } from './params-verb.js';
import { resumeVerb } from './resume-verb.js';
import { runTraining } from './run-training.js';
import { sampleVerb, SAMPLE_FLAGS } from './sample-verb.js';
import { buildTrainConfig, FLAG_OF_FIELD, TRAIN_FLAGS } from './train-config.js';
import { USAGE } from './usage.js';

const VERBS: Record<string, CliVerb<CliIo>> = {
  ...Object.fromEntries(
    STAGES.map((stage: Stage): [string, CliVerb<CliIo>] => [
      stage,
      {
        flags: TRAIN_FLAGS[stage],
        run: async (flags, io) =>
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
export function runCli(argv: string[], io: CliIo): Promise<number> {
  return runVerbCli(argv, io, {
    name: 'ai-train',
    verbs: VERBS,
    usage: USAGE,
    flagOfField: FLAG_OF_FIELD,
  });
}
