// One training run, in the thread that calls it (run/start-run.ts puts it in a worker): load or
// build the model, draw each step's batch from (seed, step), take the gradient, clip, step the
// optimizer, log, validate, checkpoint; resume from the last checkpoint exactly where it stopped.
// The run folder holds run.json (the settings), metrics.jsonl (one line per step), checkpoints/,
// final/ (the trained model) and loss.svg.
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError } from '@repo/core';
import { modelFlopsUtilisation, trainingFlops } from '@repo/training-math';
import { countParameters, initWeights, type GptConfig, type Weights } from '../model/config.js';
import { loadCheckpoint, saveCheckpoint, type Checkpoint } from '../model/checkpoint.js';
import { TfGpt } from '../model/tf-gpt.js';
import { loadTf } from '../model/tf.js';
import { deriveSeed } from '../model/rng.js';
import { createOptimizer, OPTIMIZER_NAMES, type OptimizerOptions } from '../optim/optimizers.js';
import { clipGlobalNorm, GradientAccumulator, warmupCosine } from '../optim/schedule.js';
import { buildCharTokenizer } from '../tokenizer/build-tokenizer.js';
import { lineChart } from '../report/svg-chart.js';
import { loadTrainerState, saveTrainerState } from './trainer-state.js';
import { batchTokens, createStage, STAGES, type Stage } from './stages.js';

export interface TrainConfig {
  stage: Stage;
  /** The run folder (created). */
  runDir: string;
  /** Checkpoint to start from: required for sft, reward and dpo; pretrain builds a new model without it. */
  base?: string;
  /** A new model's shape (pretrain without `base`). */
  model?: Partial<Pick<GptConfig, 'layers' | 'dModel' | 'heads' | 'context' | 'dropout'>>;
  /** Data files: UTF-8 text (pretrain) or one JSONL file (OpenAI chat for sft, preference for reward and dpo). */
  data: string[];
  steps: number;
  batchSize?: number;
  learningRate?: number;
  warmupSteps?: number;
  optimizer?: OptimizerOptions;
  /** Clip the global gradient norm to this (default 1; 0 = off). */
  clipNorm?: number;
  /** Micro-batches per optimizer step (default 1). */
  accumulate?: number;
  seed?: number;
  /** Share of the data held out for validation (default 0.1). */
  validationFraction?: number;
  /** Validate every N steps and at the end (default: ten times a run). */
  evalEvery?: number;
  /** Save a resumable checkpoint every N steps (default 0: only at the end). */
  checkpointEvery?: number;
  /** DPO's β (default 0.1). */
  beta?: number;
  /** DPO: add this times the SFT loss on the chosen answers (default 0). */
  sftMix?: number;
  /** A new tokenizer's character budget (pretrain without `base`; default 3000). */
  maxCharacters?: number;
  /**
   * More files whose characters join a new tokenizer (pretrain without `base`): the data you will
   * fine-tune on later, so its characters get their own tokens instead of byte fallback.
   */
  vocabularyFrom?: string[];
  /**
   * This machine's peak FLOP/s (e.g. a one-core BLAS matmul peak, as `npm run bench -- trainer`
   * measures): with it the result reports MFU.
   */
  peakFlops?: number;
}

export type TrainEvent =
  | {
      type: 'start';
      stage: Stage;
      steps: number;
      startStep: number;
      parameters: { exact: number; approximate: number };
      vocabSize: number;
      examples: { train: number; validation: number };
    }
  | {
      type: 'step';
      step: number;
      steps: number;
      loss: number;
      learningRate: number;
      gradNorm: number;
      tokensPerSecond: number;
      elapsedMs: number;
      etaMs: number;
      metrics: Record<string, number>;
    }
  | { type: 'checkpoint'; step: number; dir: string }
  | { type: 'done'; result: TrainResult }
  | {
      type: 'cancelled';
      step: number;
      /** Resume from here; absent if no step was ever taken. */ checkpoint?: string;
    };

export interface TrainResult {
  runDir: string;
  /** The trained model's checkpoint folder. */
  model: string;
  steps: number;
  finalLoss: number;
  metrics: Record<string, number>;
  tokens: number;
  seconds: number;
  tokensPerSecond: number;
  /** 6·N·D over the run. */
  flops: number;
  parameters: number;
  /** Model FLOPs utilisation against `peakFlops`, when given (6·N·tokens/s ÷ peak). */
  mfu?: number;
}

export interface TrainHooks {
  onEvent?: (event: TrainEvent) => void;
  /** Checked between steps: true stops the run after saving a checkpoint. */
  shouldStop?: () => boolean;
  /** Continue the run in `runDir` from its last checkpoint (run.json supplies the settings). */
  resume?: boolean;
}

const DEFAULT_LEARNING_RATE: Record<Stage, number> = {
  pretrain: 3e-3,
  sft: 1e-3,
  reward: 1e-3,
  dpo: 5e-5,
};
const DEFAULT_BATCH: Record<Stage, number> = { pretrain: 16, sft: 16, reward: 8, dpo: 8 };

function bad(field: string, reason: string): InvalidInputError {
  return new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);
}

/** The settings with every default filled in, checked; errors name the field. */
export function resolveTrainConfig(
  config: TrainConfig,
): Required<Omit<TrainConfig, 'base' | 'model' | 'vocabularyFrom' | 'peakFlops'>> &
  Pick<TrainConfig, 'base' | 'model' | 'vocabularyFrom' | 'peakFlops'> {
  if (!STAGES.includes(config?.stage)) throw bad('stage', `must be one of ${STAGES.join(', ')}`);
  const stage = config.stage;
  if (typeof config.runDir !== 'string' || !config.runDir)
    throw bad('runDir', 'must be a folder path');
  if (stage !== 'pretrain' && !config.base)
    throw bad('base', `is required for ${stage}: the checkpoint to start from`);
  if (
    !Array.isArray(config.data) ||
    config.data.length === 0 ||
    config.data.some((f) => typeof f !== 'string')
  )
    throw bad('data', 'must list one or more files');
  if (stage !== 'pretrain' && config.data.length !== 1)
    throw bad('data', `must be one JSONL file for ${stage}`);
  const whole = (field: keyof TrainConfig, value: unknown, min: number) => {
    if (!Number.isInteger(value) || (value as number) < min)
      throw bad(field, `must be a whole number ≥ ${min}`);
    return value as number;
  };
  const steps = whole('steps', config.steps, 1);
  const learningRate = config.learningRate ?? DEFAULT_LEARNING_RATE[stage];
  if (!(learningRate > 0 && learningRate < 1)) throw bad('learningRate', 'must be > 0 and < 1');
  const optimizer = config.optimizer ?? { name: 'adamw', weightDecay: 0.01 };
  if (!OPTIMIZER_NAMES.includes(optimizer.name))
    throw bad('optimizer.name', `must be one of ${OPTIMIZER_NAMES.join(', ')}`);
  const validationFraction = config.validationFraction ?? 0.1;
  if (!(validationFraction >= 0 && validationFraction < 0.9))
    throw bad('validationFraction', 'must be ≥ 0 and < 0.9');
  const beta = config.beta ?? 0.1;
  if (!(beta > 0)) throw bad('beta', 'must be > 0');
  const sftMix = config.sftMix ?? 0;
  if (!(sftMix >= 0)) throw bad('sftMix', 'must be ≥ 0');
  if (config.peakFlops !== undefined && !(config.peakFlops > 0))
    throw bad('peakFlops', 'must be > 0 (FLOP/s)');
  const clipNorm = config.clipNorm ?? 1;
  if (!(clipNorm >= 0)) throw bad('clipNorm', 'must be ≥ 0 (0 turns clipping off)');
  return {
    ...config,
    stage,
    steps,
    learningRate,
    optimizer,
    validationFraction,
    beta,
    sftMix,
    clipNorm,
    batchSize: whole('batchSize', config.batchSize ?? DEFAULT_BATCH[stage], 1),
    warmupSteps: Math.min(
      steps,
      whole('warmupSteps', config.warmupSteps ?? Math.max(1, Math.round(steps / 10)), 0),
    ),
    accumulate: whole('accumulate', config.accumulate ?? 1, 1),
    seed: whole('seed', config.seed ?? 1, 0),
    evalEvery: whole('evalEvery', config.evalEvery ?? Math.max(1, Math.round(steps / 10)), 1),
    checkpointEvery: whole('checkpointEvery', config.checkpointEvery ?? 0, 0),
    maxCharacters: whole('maxCharacters', config.maxCharacters ?? 3000, 0),
  };
}

async function readData(files: string[]): Promise<string[]> {
  return Promise.all(
    files.map((file) =>
      readFile(file, 'utf8').catch((error: Error) => {
        throw bad('data', `cannot read ${file} (${error.message})`);
      }),
    ),
  );
}

export async function train(input: TrainConfig, hooks: TrainHooks = {}): Promise<TrainResult> {
  const runFile = path.join(input.runDir, 'run.json');
  const config = resolveTrainConfig(
    hooks.resume
      ? { ...(JSON.parse(await readFile(runFile, 'utf8')) as TrainConfig), runDir: input.runDir }
      : input,
  );
  const emit = hooks.onEvent ?? (() => undefined);
  const texts = await readData(config.data);
  const resumed = hooks.resume ? await loadTrainerState(config.runDir) : undefined;
  if (hooks.resume && !resumed)
    throw bad('runDir', `has no checkpoint to resume from in ${config.runDir}/checkpoints`);

  // The starting point: a resumed checkpoint, the base model, or a new one.
  let start: Checkpoint;
  if (resumed) start = resumed.checkpoint;
  else if (config.base) start = await loadCheckpoint(config.base);
  else {
    const extra = await readData(config.vocabularyFrom ?? []);
    const tokenizer = buildCharTokenizer([...texts, ...extra], {
      maxCharacters: config.maxCharacters,
    });
    const shape = { layers: 2, dModel: 64, heads: 4, context: 128, dropout: 0, ...config.model };
    const modelConfig: GptConfig = { vocabSize: tokenizer.size, ...shape };
    start = {
      config: modelConfig,
      tokenizer,
      weights: initWeights(modelConfig, config.seed),
      meta: { stage: 'init', step: 0 },
    };
  }
  if (!resumed) {
    await mkdir(config.runDir, { recursive: true });
    await writeFile(runFile, JSON.stringify(config, null, 2) + '\n');
    await rm(path.join(config.runDir, 'metrics.jsonl'), { force: true });
  }

  const tf = await loadTf();
  const model = new TfGpt(tf, start.config, start.weights);
  const stage = createStage(config.stage, {
    tf,
    model,
    tokenizer: start.tokenizer,
    texts,
    batchSize: config.batchSize,
    seed: config.seed,
    validationFraction: config.validationFraction,
    beta: config.beta,
    sftMix: config.sftMix,
    ...(start.rewardHead ? { rewardHead: start.rewardHead } : {}),
  });
  const optimizer = createOptimizer(config.optimizer);
  if (resumed) optimizer.loadState(resumed.optimizer);
  const master: Weights = new Map(start.weights);
  const parameters = countParameters(start.config);
  const startStep = resumed ? resumed.step + 1 : 0;
  emit({
    type: 'start',
    stage: config.stage,
    steps: config.steps,
    startStep,
    parameters: { exact: parameters.exact, approximate: parameters.approximate },
    vocabSize: start.config.vocabSize,
    examples: stage.sizes,
  });

  const metricsFile = path.join(config.runDir, 'metrics.jsonl');
  const began = performance.now();
  let tokens = 0;
  let loss = NaN;
  let metrics: Record<string, number> = {};
  const accumulator = new GradientAccumulator();
  const snapshot = (step: number, stageName = config.stage): Checkpoint => {
    const head = stage.readHead?.();
    return {
      config: start.config,
      tokenizer: start.tokenizer,
      weights: master,
      meta: {
        stage: stageName,
        step,
        ...(config.base ? { base: config.base } : {}),
        metrics: { loss, ...metrics },
      },
      ...(head ? { rewardHead: head } : {}),
    };
  };
  try {
    for (let step = startStep; step < config.steps; step++) {
      if (hooks.shouldStop?.()) {
        // Stopped before this run took a step: the newest checkpoint (if any) is still current.
        const dir =
          step === startStep
            ? resumed?.dir
            : await saveTrainerState(
                config.runDir,
                step - 1,
                snapshot(step - 1),
                optimizer.saveState(),
              );
        emit({ type: 'cancelled', step: step - 1, ...(dir ? { checkpoint: dir } : {}) });
        throw Object.assign(new Error('The run was cancelled'), {
          name: 'AbortError',
          checkpoint: dir,
        });
      }
      const learningRate = warmupCosine(step, {
        peak: config.learningRate,
        warmupSteps: config.warmupSteps,
        totalSteps: config.steps,
      });
      let stepLoss = 0;
      let stats: Record<string, number> = {};
      for (let micro = 0; micro < config.accumulate; micro++) {
        const index = step * config.accumulate + micro;
        const batch = stage.batch(index);
        const out = model.gradients(
          (keep) => stage.loss(batch, deriveSeed(config.seed, index), keep),
          stage.extraVariables,
        );
        accumulator.add(out.grads);
        stepLoss += out.loss / config.accumulate;
        stats = stage.stepStats(out.kept);
        tokens += batchTokens(batch);
      }
      const grads = accumulator.mean();
      const gradNorm =
        config.clipNorm > 0
          ? clipGlobalNorm(grads.values(), config.clipNorm)
          : clipGlobalNorm(grads.values(), Infinity);
      for (const [name, grad] of grads) {
        const extra = stage.extraVariables.get(name);
        const values = master.get(name) ?? (extra ? new Float32Array(extra.dataSync()) : undefined);
        if (!values) continue;
        const updated = Float32Array.from(values);
        optimizer.step(name, updated, grad, learningRate);
        if (extra) extra.assign(tf.tensor(updated, extra.shape));
        else {
          master.set(name, updated);
          model.assign(name, updated);
        }
      }
      loss = stepLoss;
      if (!Number.isFinite(loss))
        throw new Error(`The loss became ${loss} at step ${step}: lower the learning rate`);
      metrics = { ...stats };
      if ((step + 1) % config.evalEvery === 0 || step === config.steps - 1)
        Object.assign(metrics, stage.validate());
      const elapsedMs = performance.now() - began;
      const done = step + 1 - startStep;
      const event = {
        type: 'step' as const,
        step,
        steps: config.steps,
        loss,
        learningRate,
        gradNorm,
        tokensPerSecond: tokens / (elapsedMs / 1000),
        elapsedMs,
        etaMs: (elapsedMs / done) * (config.steps - step - 1),
        metrics,
      };
      await appendFile(metricsFile, JSON.stringify({ ...event, type: undefined }) + '\n');
      emit(event);
      if (
        config.checkpointEvery > 0 &&
        (step + 1) % config.checkpointEvery === 0 &&
        step < config.steps - 1
      ) {
        const dir = await saveTrainerState(
          config.runDir,
          step,
          snapshot(step),
          optimizer.saveState(),
        );
        emit({ type: 'checkpoint', step, dir });
      }
      // Between steps: let a cancel message (or anything else queued) through.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const finalDir = path.join(config.runDir, 'final');
    await saveCheckpoint(finalDir, snapshot(config.steps - 1));
    await writeLossChart(config.runDir, config.stage);
    const seconds = (performance.now() - began) / 1000;
    const result: TrainResult = {
      runDir: config.runDir,
      model: finalDir,
      steps: config.steps,
      finalLoss: loss,
      metrics,
      tokens,
      seconds,
      tokensPerSecond: tokens / seconds,
      flops: trainingFlops(parameters.exact, tokens),
      parameters: parameters.exact,
      ...(config.peakFlops
        ? {
            mfu: modelFlopsUtilisation({
              parameters: parameters.exact,
              tokensPerSecond: tokens / seconds,
              peakFlops: config.peakFlops,
            }),
          }
        : {}),
    };
    emit({ type: 'done', result });
    return result;
  } finally {
    stage.dispose();
    model.dispose();
  }
}

/** loss.svg from metrics.jsonl: training loss per step, validation loss where measured. */
export async function writeLossChart(runDir: string, stage: string): Promise<string> {
  const lines = (await readFile(path.join(runDir, 'metrics.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean);
  const rows = lines.map(
    (line) => JSON.parse(line) as { step: number; loss: number; metrics: Record<string, number> },
  );
  const svg = lineChart({
    title: `${stage}: loss per step`,
    xLabel: 'step',
    yLabel: 'loss',
    series: [
      { name: 'training', points: rows.map((r) => [r.step + 1, r.loss] as const) },
      {
        name: 'validation',
        points: rows
          .filter((r) => r.metrics?.validationLoss !== undefined)
          .map((r) => [r.step + 1, r.metrics.validationLoss as number] as const),
      },
    ],
  });
  const file = path.join(runDir, 'loss.svg');
  await writeFile(file, svg);
  return file;
}
