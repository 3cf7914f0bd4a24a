// `ai-train resume RUN_DIR`: continues a stopped run from its last checkpoint; run.json (written
// when the run started) supplies every setting, so no training flags are taken here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { flagError, type Flags } from '@repo/core/cli';
import type { CliIo } from './cli-io.js';
import type { TrainConfig } from '../train/train.js';
import { runTraining } from './run-training.js';
import { exists } from './train-config.js';

export async function resumeVerb(flags: Flags, io: CliIo): Promise<number> {
  const [dir] = flags.positionals;
  if (dir === undefined) throw flagError('RUN_DIR', 'is required: the folder of the run');
  flags.atMost(1);
  const runDir = path.resolve(dir);
  if (!(await exists(path.join(runDir, 'run.json'))))
    throw flagError('RUN_DIR', `${runDir} holds no run (no run.json there)`);
  if (await exists(path.join(runDir, 'final', 'model.json')))
    throw flagError('RUN_DIR', `${runDir} has finished already: its model is in final/`);
  const saved = JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8')) as TrainConfig;
  return runTraining({ ...saved, runDir }, { resume: true, json: flags.boolean('json') }, io);
}
