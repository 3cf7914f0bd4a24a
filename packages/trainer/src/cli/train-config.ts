// `ai-train pretrain|sft|reward|dpo` flags → a TrainConfig, checked before a worker starts: paths
// made absolute (run.json must still work when `resume` runs from another folder), files that
// must exist looked at, the model shape and every setting checked with the library's own rules.
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { flagError, type Flags, type FlagSpec } from '@repo/core/cli';
import { BASE_MODEL_DIR } from '../base-model.js';
import { checkConfig } from '../model/config.js';
import { OPTIMIZER_NAMES, type OptimizerName } from '../optim/optimizers.js';
import type { Stage } from '../train/stages.js';
import { resolveTrainConfig, type TrainConfig } from '../train/train.js';

const text = { type: 'string' } as const;
const COMMON: FlagSpec = {
  data: { type: 'string', multiple: true },
  out: text,
  steps: text,
  'batch-size': text,
  lr: text,
  'warmup-steps': text,
  optimizer: text,
  seed: text,
  'eval-every': text,
  'checkpoint-every': text,
  'peak-gflops': text,
  json: { type: 'boolean' },
};

export const TRAIN_FLAGS: Record<Stage, FlagSpec> = {
  pretrain: {
    ...COMMON,
    layers: text,
    'd-model': text,
    heads: text,
    context: text,
    'vocabulary-from': { type: 'string', multiple: true },
  },
  sft: { ...COMMON, base: text },
  reward: { ...COMMON, base: text },
  dpo: { ...COMMON, base: text, beta: text, 'sft-mix': text },
};

const DEFAULT_STEPS: Record<Stage, number> = { pretrain: 1000, sft: 200, reward: 150, dpo: 150 };

/** The library's field names as the flags that set them, so its errors can name the flag. */
export const FLAG_OF_FIELD: Record<string, string> = {
  runDir: '--out',
  data: '--data',
  base: '--base',
  steps: '--steps',
  batchSize: '--batch-size',
  learningRate: '--lr',
  warmupSteps: '--warmup-steps',
  'optimizer.name': '--optimizer',
  seed: '--seed',
  evalEvery: '--eval-every',
  checkpointEvery: '--checkpoint-every',
  peakFlops: '--peak-gflops',
  beta: '--beta',
  sftMix: '--sft-mix',
  layers: '--layers',
  dModel: '--d-model',
  heads: '--heads',
  context: '--context',
  temperature: '--temperature',
  topK: '--top-k',
  topP: '--top-p',
  maxTokens: '--max-tokens',
};

async function mustRead(flag: string, file: string): Promise<void> {
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    throw flagError(flag, `cannot read ${file}: no such file`);
  }
}

export const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/** A folder holding model.json; the error names the flag or argument that gave it. */
export async function mustBeCheckpoint(flag: string, dir: string, hint = ''): Promise<void> {
  if (!(await exists(path.join(dir, 'model.json'))))
    throw flagError(flag, `${dir} is not a checkpoint (no model.json there)${hint}`);
}

function optimizerName(flags: Flags): OptimizerName | undefined {
  const name = flags.string('optimizer');
  if (name !== undefined && !OPTIMIZER_NAMES.includes(name as OptimizerName))
    throw flagError('--optimizer', `must be one of ${OPTIMIZER_NAMES.join(', ')} (got "${name}")`);
  return name as OptimizerName | undefined;
}

export async function buildTrainConfig(stage: Stage, flags: Flags): Promise<TrainConfig> {
  flags.atMost(0);
  const runDir = path.resolve(flags.required('out', 'the folder the run is written to'));
  const data = flags.strings('data').map((file) => path.resolve(file));
  if (data.length === 0) throw flagError('--data', 'is required: the file(s) to train on');
  for (const file of data) await mustRead('--data', file);
  if (stage !== 'pretrain' && data.length > 1)
    throw flagError('--data', `takes one JSONL file for ${stage}`);
  // run.json alone is a run that failed before its first step: it may be started again.
  const trained = ['metrics.jsonl', 'checkpoints', 'final'].map((name) => path.join(runDir, name));
  if ((await Promise.all(trained.map(exists))).some(Boolean))
    throw flagError(
      '--out',
      `${runDir} already holds a run: continue it with \`ai-train resume ${runDir}\` or choose another folder`,
    );
  const name = optimizerName(flags);
  const gflops = flags.number('peak-gflops');
  const config: TrainConfig = {
    stage,
    runDir,
    data,
    steps: flags.whole('steps', 1) ?? DEFAULT_STEPS[stage],
    batchSize: flags.whole('batch-size', 1),
    learningRate: flags.number('lr'),
    warmupSteps: flags.whole('warmup-steps', 0),
    seed: flags.whole('seed', 0),
    evalEvery: flags.whole('eval-every', 1),
    checkpointEvery: flags.whole('checkpoint-every', 0),
    peakFlops: gflops === undefined ? undefined : gflops * 1e9,
    ...(name ? { optimizer: { name, ...(name === 'adamw' ? { weightDecay: 0.01 } : {}) } } : {}),
  };
  if (stage === 'pretrain') {
    const model = {
      layers: flags.whole('layers', 1) ?? 2,
      dModel: flags.whole('d-model', 1) ?? 64,
      heads: flags.whole('heads', 1) ?? 4,
      context: flags.whole('context', 2) ?? 128,
    };
    checkConfig({ vocabSize: 1, ...model });
    config.model = model;
    const vocabularyFrom = flags.strings('vocabulary-from').map((file) => path.resolve(file));
    for (const file of vocabularyFrom) await mustRead('--vocabulary-from', file);
    if (vocabularyFrom.length > 0) config.vocabularyFrom = vocabularyFrom;
  } else {
    const base = flags.string('base');
    config.base = base === undefined ? BASE_MODEL_DIR : path.resolve(base);
    await mustBeCheckpoint(
      '--base',
      config.base,
      base === undefined
        ? ': the shipped base model is made by `npm run pretrain -w @repo/trainer`'
        : '',
    );
  }
  if (stage === 'dpo') {
    config.beta = flags.number('beta');
    config.sftMix = flags.number('sft-mix');
  }
  // Drop the unset ones, so run.json holds only what was chosen and the defaults apply.
  for (const key of Object.keys(config) as (keyof TrainConfig)[])
    if (config[key] === undefined) delete config[key];
  resolveTrainConfig(config);
  return config;
}
