// Workshop experiment 3: supervised fine-tuning of the base model on the bundled data/sft.jsonl,
// with the base model's and the fine-tuned model's answers to the same held-out prompts side by
// side (samples.html, samples.json), the loss chart (sft.svg) and the wall time of the run.
import path from 'node:path';
import { BASE_MODEL_DIR, BUNDLED_DATA_DIR } from '../base-model.js';
import { loadCheckpoint } from '../model/checkpoint.js';
import type { SampleOptions } from '../model/sample.js';
import {
  checkOutDir,
  checkWhole,
  fixed,
  percent,
  invalid,
  Progress,
  writeChart,
  writeSummary,
  type ExperimentOptions,
  type ExperimentResult,
} from './experiment.js';
import { runTraining, stepSeries, type TrainingRun } from './run-training.js';
import {
  answerTraits,
  checkPrompts,
  sampleAnswers,
  writeSamples,
  type AnswerTraits,
} from './samples.js';

export interface SftExperimentOptions extends ExperimentOptions {
  /** The checkpoint to fine-tune (default: the shipped base model). */
  base?: string;
  /** Default 200; quick: 4. */
  steps?: number;
  /** Prompts to answer (default HELD_OUT_PROMPTS: English and Chinese, not in the training data). */
  prompts?: string[];
}

export interface SftData {
  base: string;
  /** The fine-tuned checkpoint. */
  model: string;
  steps: number;
  batchSize: number;
  learningRate: number;
  finalLoss: number;
  validationLoss: number | undefined;
  /** The whole run, worker start to saved checkpoint. */
  wallSeconds: number;
  samples: { prompt: string; base: string; sft: string }[];
  traits: { base: AnswerTraits; sft: AnswerTraits };
}

/** The checkpoint's stage, or an error naming `field` if it cannot be loaded. */
export async function checkpointStage(dir: string | undefined, field: string): Promise<string> {
  if (typeof dir !== 'string' || !dir) throw invalid(field, 'must be a checkpoint folder');
  try {
    return (await loadCheckpoint(dir)).meta.stage;
  } catch (error) {
    throw invalid(
      field,
      `is not a usable checkpoint (${(error as Error).message}); ` +
        'the shipped base model is made by `npm run pretrain -w @repo/trainer`',
    );
  }
}

const SFT_LEARNING_RATE = 1e-3;
const sftBatch = (quick: boolean) => (quick ? 4 : 16);

/** Sampling shared by the SFT and DPO experiments: seeded, a little randomness. */
export function sampleSettings(quick: boolean): SampleOptions {
  return { temperature: 0.7, topK: 20, maxTokens: quick ? 12 : 60, seed: 1 };
}

/** Fine-tunes `base` on the bundled SFT data (the DPO experiment uses it too). */
export function fineTune(
  base: string,
  runDir: string,
  settings: { steps: number; quick: boolean; seed?: number },
  progress: Progress,
): Promise<TrainingRun> {
  return runTraining(
    {
      stage: 'sft',
      runDir,
      base,
      data: [path.join(BUNDLED_DATA_DIR, 'sft.jsonl')],
      steps: settings.steps,
      batchSize: sftBatch(settings.quick),
      learningRate: SFT_LEARNING_RATE,
      optimizer: { name: 'adamw', weightDecay: 0.01 },
      seed: settings.seed ?? 7,
      evalEvery: Math.max(1, Math.round(settings.steps / 10)),
    },
    'SFT',
    progress,
  );
}

export async function sftExperiment(
  options: SftExperimentOptions,
): Promise<ExperimentResult<SftData>> {
  const outDir = checkOutDir(options);
  const quick = options.quick ?? false;
  const base = options.base ?? BASE_MODEL_DIR;
  await checkpointStage(base, 'base');
  const steps = checkWhole('steps', options.steps ?? (quick ? 4 : 200), 1);
  const prompts = checkPrompts(options.prompts);
  const progress = new Progress(options.onProgress, steps + 2 * prompts.length);
  const sampling = sampleSettings(quick);

  progress.report('base model: answering the held-out prompts');
  const baseAnswers = await sampleAnswers(base, prompts, sampling, (i) =>
    progress.report(`base model: answer ${i}/${prompts.length}`, i),
  );
  progress.complete('base model answered', prompts.length);
  const run = await fineTune(
    base,
    path.join(outDir, 'run'),
    { steps, quick, seed: options.seed },
    progress,
  );
  const sftAnswers = await sampleAnswers(run.result.model, prompts, sampling, (i) =>
    progress.report(`fine-tuned model: answer ${i}/${prompts.length}`, i),
  );
  progress.complete('fine-tuned model answered', prompts.length);

  const samples = prompts.map((prompt, i) => ({
    prompt,
    base: baseAnswers[i] ?? '',
    sft: sftAnswers[i] ?? '',
  }));
  const data: SftData = {
    base,
    model: run.result.model,
    steps,
    batchSize: sftBatch(quick),
    learningRate: SFT_LEARNING_RATE,
    finalLoss: run.result.finalLoss,
    validationLoss: run.result.metrics.validationLoss,
    wallSeconds: run.wallSeconds,
    samples,
    traits: { base: answerTraits(baseAnswers), sft: answerTraits(sftAnswers) },
  };
  const charts = [
    await writeChart(outDir, 'sft.svg', {
      title: 'SFT: loss on the assistant answers',
      xLabel: 'step',
      yLabel: 'loss',
      series: [
        { name: 'training', points: stepSeries(run.steps) },
        { name: 'validation', points: stepSeries(run.steps, 'validationLoss') },
      ],
      notes: [
        `${steps} steps, batch ${data.batchSize}, AdamW at ${SFT_LEARNING_RATE}; ${run.wallSeconds.toFixed(0)} s wall time`,
      ],
    }),
  ];
  await writeSamples(outDir, samples, {
    title: 'Before and after SFT: the same held-out prompts',
    intro: [
      `Base model: ${base}. Fine-tuned for ${steps} steps on data/sft.jsonl.`,
      `Sampling: temperature ${sampling.temperature}, top-k ${sampling.topK}, seed ${sampling.seed}, at most ${sampling.maxTokens} tokens.`,
    ],
    models: ['base model', 'after SFT'],
    rows: samples.map((s) => ({ prompt: s.prompt, answers: [s.base, s.sft] })),
  });
  const summary = sftSummary(data);
  await writeSummary(outDir, summary);
  return { name: 'sft', outDir, charts, summary, data };
}

function sftSummary(data: SftData): string {
  const { base, sft } = data.traits;
  return [
    '# Supervised fine-tuning',
    '',
    `${data.steps} steps on data/sft.jsonl (batch ${data.batchSize}, AdamW at ${data.learningRate}) took ` +
      `**${data.wallSeconds.toFixed(1)} s** wall time; final training loss ${fixed(data.finalLoss)}, ` +
      `validation loss ${fixed(data.validationLoss)}.`,
    '',
    `On ${data.samples.length} held-out prompts, answers opening in the SFT data's style ` +
      `("Sure. " / "好的。"): base ${percent(base.trainedStyle)}, fine-tuned ${percent(sft.trainedStyle)}; ` +
      `mean length ${base.length.toFixed(0)} → ${sft.length.toFixed(0)} characters; ` +
      `repeated trigrams ${percent(base.repetition)} → ${percent(sft.repetition)}.`,
    '',
    'Side by side: samples.html (samples.json holds the same answers).',
    '',
  ].join('\n');
}
