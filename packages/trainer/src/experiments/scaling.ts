// Workshop experiment 2: a few model widths trained on the same token budget (same steps, batch
// and context), final validation loss against non-embedding parameters on log-log axes, and the
// exponent α of a least-squares power law beside Kaplan's α_N ≈ 0.076 (scaling.svg). At this
// scale (a few hundred thousand parameters, minutes of CPU, not trained to convergence) the
// measured α says what these runs did, not what large models do.
import path from 'node:path';
import { KAPLAN } from '@repo/training-math';
import { countParameters } from '../model/config.js';
import {
  checkOutDir,
  checkWhole,
  CORPUS_FILES,
  fixed,
  invalid,
  markdownTable,
  Progress,
  writeChart,
  writeJson,
  writeSummary,
  type ExperimentOptions,
  type ExperimentResult,
} from './experiment.js';
import { fitPowerLaw, type PowerLawFit } from './power-law.js';
import { runTraining } from './run-training.js';

export interface ScalingExperimentOptions extends ExperimentOptions {
  /** The widths (d_model) to train, each a multiple of 4 (default 32, 48, 64, 96; quick: 8, 16, 24). */
  widths?: number[];
  /** Steps per model (default 120; quick: 6). */
  steps?: number;
}

export interface ScalingPoint {
  dModel: number;
  parameters: number;
  /** What the fit uses: every weight but the token and position embeddings (Kaplan's N). */
  nonEmbeddingParameters: number;
  validationLoss: number;
  trainingLoss: number;
  seconds: number;
}

export interface ScalingData {
  layers: number;
  context: number;
  batchSize: number;
  steps: number;
  /** The same for every model: steps × batch × context. */
  tokens: number;
  points: ScalingPoint[];
  fit: PowerLawFit;
  kaplanAlpha: number;
}

export async function scalingExperiment(
  options: ScalingExperimentOptions,
): Promise<ExperimentResult<ScalingData>> {
  const outDir = checkOutDir(options);
  const quick = options.quick ?? false;
  const steps = checkWhole('steps', options.steps ?? (quick ? 6 : 120), 1);
  const widths = options.widths ?? (quick ? [8, 16, 24] : [32, 48, 64, 96]);
  if (widths.length < 2 || widths.some((w) => !Number.isInteger(w) || w < 4 || w % 4 !== 0))
    throw invalid('widths', 'must list two or more widths, each a multiple of 4');
  const layers = quick ? 1 : 2;
  const context = quick ? 16 : 64;
  const batchSize = quick ? 4 : 16;
  const progress = new Progress(options.onProgress, steps * widths.length);
  const points: ScalingPoint[] = [];
  for (const dModel of widths) {
    const model = { layers, dModel, heads: 4, context };
    const run = await runTraining(
      {
        stage: 'pretrain',
        runDir: path.join(outDir, 'runs', `d${dModel}`),
        data: CORPUS_FILES,
        model,
        steps,
        batchSize,
        learningRate: 3e-3,
        optimizer: { name: 'adamw', weightDecay: 0.1 },
        seed: options.seed ?? 7,
        evalEvery: steps,
      },
      `d_model ${dModel}`,
      progress,
    );
    const count = countParameters({ ...model, vocabSize: run.vocabSize });
    points.push({
      dModel,
      parameters: count.exact,
      nonEmbeddingParameters: count.exact - count.embeddings,
      validationLoss: run.result.metrics.validationLoss ?? NaN,
      trainingLoss: run.result.finalLoss,
      seconds: run.wallSeconds,
    });
  }
  const fit = fitPowerLaw(
    points.map((p) => ({ n: p.nonEmbeddingParameters, loss: p.validationLoss })),
  );
  const data: ScalingData = {
    layers,
    context,
    batchSize,
    steps,
    tokens: steps * batchSize * context,
    points,
    fit,
    kaplanAlpha: KAPLAN.alphaN,
  };
  const charts = [await writeChart(outDir, 'scaling.svg', scalingChart(data))];
  await writeJson(outDir, 'scaling.json', data);
  const summary = scalingSummary(data);
  await writeSummary(outDir, summary);
  return { name: 'scaling', outDir, charts, summary, data };
}

function scalingChart(data: ScalingData) {
  const { points, fit, kaplanAlpha } = data;
  const ns = points.map((p) => p.nonEmbeddingParameters);
  const [low, high] = [Math.min(...ns), Math.max(...ns)];
  const first = points[0] as ScalingPoint;
  // Kaplan's slope drawn through the first point: only the slope compares (other data, other units).
  const kaplanAt = (n: number) =>
    first.validationLoss * (n / first.nonEmbeddingParameters) ** -kaplanAlpha;
  const fitted = (n: number) => fit.coefficient * n ** -fit.alpha;
  return {
    title: 'Validation loss against model size (same token budget)',
    xLabel: 'non-embedding parameters N',
    yLabel: 'final validation loss',
    logX: true,
    logY: true,
    series: [
      {
        name: 'measured',
        points: points.map((p) => [p.nonEmbeddingParameters, p.validationLoss] as const),
      },
      {
        name: `fit α = ${fit.alpha.toFixed(3)}`,
        points: [low, high].map((n) => [n, fitted(n)] as const),
      },
      {
        name: `Kaplan α_N = ${kaplanAlpha}`,
        points: [low, high].map((n) => [n, kaplanAt(n)] as const),
      },
    ],
    notes: [
      `Least squares on log L vs log N: L ≈ ${fit.coefficient.toPrecision(3)}·N^(−${fit.alpha.toFixed(3)}), R² ${fit.r2.toFixed(2)}; Kaplan et al. 2020: α_N ≈ ${kaplanAlpha}`,
      `Toy scale: a few hundred thousand parameters, minutes of CPU; ${data.tokens.toLocaleString('en')} tokens each, not trained to convergence`,
    ],
  };
}

function scalingSummary(data: ScalingData): string {
  const { fit } = data;
  const losses = data.points.map((p) => p.validationLoss);
  const monotone = losses.every((loss, i) => i === 0 || loss < (losses[i - 1] as number));
  const best = data.points.reduce((a, b) => (b.validationLoss < a.validationLoss ? b : a));
  const trend = fit.alpha > 0 ? 'falls' : 'rises';
  const direction = monotone
    ? `the loss fell with every step up in size`
    : `the fitted loss ${trend} with N, but not at every size (lowest at d_model ${best.dModel})`;
  return [
    '# Scaling',
    '',
    `${data.layers} layers, context ${data.context}, batch ${data.batchSize}, ${data.steps} steps: ` +
      `${data.tokens.toLocaleString('en')} training tokens for every model, AdamW at 3e-3, the same seed.`,
    '',
    markdownTable(
      [
        'd_model',
        'parameters',
        'non-embedding N',
        'final validation loss',
        'final training loss',
        'seconds',
      ],
      data.points.map((p) => [
        p.dModel,
        p.parameters,
        p.nonEmbeddingParameters,
        fixed(p.validationLoss),
        fixed(p.trainingLoss),
        p.seconds.toFixed(1),
      ]),
    ),
    '',
    `Fitted by least squares on log L against log N (non-embedding parameters, as Kaplan et al. fit): ` +
      `**α = ${fit.alpha.toFixed(3)}** (R² ${fit.r2.toFixed(2)}): ${direction}. Kaplan et al. 2020 measured ` +
      `α_N ≈ ${data.kaplanAlpha} for models of 10⁵–10⁹ parameters trained to convergence on WebText2.`,
    '',
    'Toy scale: a few hundred thousand parameters, minutes of CPU, one seed and a fixed, short ' +
      'token budget, so the larger models are further from convergence than the small ones; the ' +
      'measured α describes these runs, not a law.',
    '',
  ].join('\n');
}
