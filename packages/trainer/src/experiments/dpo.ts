// Workshop experiment 4: DPO on the bundled data/preferences.jsonl from an SFT checkpoint (SFT is
// run first when the checkpoint given is not one), at a low learning rate and at a too-high one,
// the same seed and batches. Charts: the implicit reward margin (dpo.svg) and the reward accuracy
// (dpo-accuracy.svg) per step for both; validation accuracy and the answers of the SFT model and
// both DPO models to the same held-out prompts, with measured traits (repetition, length,
// shouting), so over-optimisation shows as what it did in this run.
import path from 'node:path';
import { BASE_MODEL_DIR, BUNDLED_DATA_DIR } from '../base-model.js';
import {
  checkOutDir,
  checkWhole,
  invalid,
  Progress,
  writeJson,
  type ExperimentOptions,
  type ExperimentResult,
} from './experiment.js';
import { writeDpoReport } from './dpo-report.js';
import { runTraining, type StepRecord } from './run-training.js';
import { answerTraits, checkPrompts, sampleAnswers, type AnswerTraits } from './samples.js';
import { checkpointStage, fineTune, sampleSettings } from './sft.js';

export interface DpoExperimentOptions extends ExperimentOptions {
  /** An SFT checkpoint, or a base model to fine-tune first (default: the shipped base model). */
  base?: string;
  /** DPO steps per learning rate (default 120; quick: 3). */
  steps?: number;
  /** SFT steps when `base` is not an SFT checkpoint (default 200; quick: 3). */
  sftSteps?: number;
  /** Default { low: 5e-5, high: 2e-3 } with AdamW. */
  learningRates?: { low: number; high: number };
  /** DPO's β (default 0.1). */
  beta?: number;
  prompts?: string[];
}

export interface DpoRun {
  label: 'low' | 'high';
  learningRate: number;
  model: string;
  /** Per step, on that step's batch: margin, accuracy, implicit rewards; validation where measured. */
  steps: StepRecord[];
  final: {
    validationAccuracy: number | undefined;
    validationMargin: number | undefined;
    validationChosen: number | undefined;
    validationRejected: number | undefined;
  };
  seconds: number;
  traits: AnswerTraits;
}

export interface DpoData {
  /** The SFT checkpoint both runs start from (and their frozen reference). */
  sft: string;
  /** Whether this experiment ran SFT first. */
  ranSft: boolean;
  steps: number;
  batchSize: number;
  beta: number;
  runs: DpoRun[];
  sftTraits: AnswerTraits;
  samples: { prompt: string; sft: string; low: string; high: string }[];
}

export async function dpoExperiment(
  options: DpoExperimentOptions,
): Promise<ExperimentResult<DpoData>> {
  const outDir = checkOutDir(options);
  const quick = options.quick ?? false;
  const base = options.base ?? BASE_MODEL_DIR;
  const ranSft = (await checkpointStage(base, 'base')) !== 'sft';
  const steps = checkWhole('steps', options.steps ?? (quick ? 3 : 120), 1);
  const sftSteps = checkWhole('sftSteps', options.sftSteps ?? (quick ? 3 : 200), 1);
  const rates = options.learningRates ?? { low: 5e-5, high: 2e-3 };
  for (const key of ['low', 'high'] as const)
    if (!(rates[key] > 0 && rates[key] < 1))
      throw invalid(`learningRates.${key}`, 'must be > 0 and < 1');
  const beta = options.beta ?? 0.1;
  if (!(beta > 0)) throw invalid('beta', 'must be > 0');
  const prompts = checkPrompts(options.prompts);
  const batchSize = quick ? 2 : 8;
  const progress = new Progress(
    options.onProgress,
    (ranSft ? sftSteps : 0) + 2 * steps + 3 * prompts.length,
  );
  const sampling = sampleSettings(quick);
  const answer = async (model: string, label: string) => {
    const answers = await sampleAnswers(model, prompts, sampling, (i) =>
      progress.report(`${label}: answer ${i}/${prompts.length}`, i),
    );
    progress.complete(`${label} answered`, prompts.length);
    return answers;
  };

  const sft = ranSft
    ? (
        await fineTune(
          base,
          path.join(outDir, 'runs', 'sft'),
          { steps: sftSteps, quick, seed: options.seed },
          progress,
        )
      ).result.model
    : base;
  const sftAnswers = await answer(sft, 'SFT model');
  const runs: DpoRun[] = [];
  const answers: Record<'low' | 'high', string[]> = { low: [], high: [] };
  for (const label of ['low', 'high'] as const) {
    const run = await runTraining(
      {
        stage: 'dpo',
        runDir: path.join(outDir, 'runs', `dpo-${label}`),
        base: sft,
        data: [path.join(BUNDLED_DATA_DIR, 'preferences.jsonl')],
        steps,
        batchSize,
        learningRate: rates[label],
        optimizer: { name: 'adamw', weightDecay: 0 },
        beta,
        seed: options.seed ?? 7,
        evalEvery: Math.max(1, Math.round(steps / 6)),
      },
      `DPO at ${rates[label]}`,
      progress,
    );
    answers[label] = await answer(run.result.model, `DPO at ${rates[label]}`);
    const m = run.result.metrics;
    runs.push({
      label,
      learningRate: rates[label],
      model: run.result.model,
      steps: run.steps,
      final: {
        validationAccuracy: m['validation.accuracy'],
        validationMargin: m['validation.margin'],
        validationChosen: m['validation.implicitRewardChosen'],
        validationRejected: m['validation.implicitRewardRejected'],
      },
      seconds: run.wallSeconds,
      traits: answerTraits(answers[label]),
    });
  }
  const samples = prompts.map((prompt, i) => ({
    prompt,
    sft: sftAnswers[i] ?? '',
    low: answers.low[i] ?? '',
    high: answers.high[i] ?? '',
  }));
  const data: DpoData = {
    sft,
    ranSft,
    steps,
    batchSize,
    beta,
    runs,
    sftTraits: answerTraits(sftAnswers),
    samples,
  };
  await writeJson(outDir, 'dpo.json', data);
  const { charts, summary } = await writeDpoReport(outDir, data);
  return { name: 'dpo', outDir, charts, summary, data };
}
