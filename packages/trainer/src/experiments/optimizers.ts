// Workshop experiment 1: the same model, data and seed trained once per optimizer (SGD,
// momentum, Adam, AdamW, Lion, LOMO), each at a rate suited to it; one chart of the loss curves
// (optimizers.svg) and a table of what each optimizer's state costs in memory, here and at 7 B.
import path from 'node:path';
import { OPTIMIZER_NAMES, type OptimizerName } from '../optim/optimizers.js';
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
import { OPTIMIZER_SETTINGS, optimizerMemory, type OptimizerMemory } from './optimizer-settings.js';
import { runTraining } from './run-training.js';

export interface OptimizerExperimentOptions extends ExperimentOptions {
  /** Steps per optimizer (default 120; quick: 6). */
  steps?: number;
  /** Which optimizers to compare (default: all six). */
  optimizers?: OptimizerName[];
}

export interface OptimizerRun {
  optimizer: OptimizerName;
  learningRate: number;
  weightDecay: number;
  why: string;
  finalLoss: number;
  validationLoss: number | undefined;
  seconds: number;
  /** Training loss per step. */
  losses: number[];
}

export interface OptimizerData {
  model: { layers: number; dModel: number; heads: number; context: number };
  batchSize: number;
  steps: number;
  parameters: number;
  runs: OptimizerRun[];
  memory: OptimizerMemory[];
}

const MODEL = { layers: 2, dModel: 64, heads: 4, context: 64 };
const QUICK_MODEL = { layers: 1, dModel: 16, heads: 2, context: 16 };

export async function optimizerExperiment(
  options: OptimizerExperimentOptions,
): Promise<ExperimentResult<OptimizerData>> {
  const outDir = checkOutDir(options);
  const quick = options.quick ?? false;
  const steps = checkWhole('steps', options.steps ?? (quick ? 6 : 120), 1);
  const names = options.optimizers ?? [...OPTIMIZER_NAMES];
  const unknown = names.find((name) => !OPTIMIZER_NAMES.includes(name));
  if (unknown !== undefined || names.length === 0)
    throw invalid('optimizers', `must list some of ${OPTIMIZER_NAMES.join(', ')}`);
  const model = quick ? QUICK_MODEL : MODEL;
  const batchSize = quick ? 4 : 16;
  const progress = new Progress(options.onProgress, steps * names.length);
  const runs: OptimizerRun[] = [];
  let parameters = 0;
  for (const name of names) {
    const setting = OPTIMIZER_SETTINGS[name];
    const run = await runTraining(
      {
        stage: 'pretrain',
        runDir: path.join(outDir, 'runs', name),
        data: CORPUS_FILES,
        model,
        steps,
        batchSize,
        learningRate: setting.learningRate,
        optimizer: setting.optimizer,
        seed: options.seed ?? 7,
        evalEvery: Math.max(1, Math.round(steps / 6)),
      },
      name,
      progress,
    );
    parameters = run.result.parameters;
    runs.push({
      optimizer: name,
      learningRate: setting.learningRate,
      weightDecay: setting.optimizer.weightDecay ?? 0,
      why: setting.why,
      finalLoss: run.result.finalLoss,
      validationLoss: run.result.metrics.validationLoss,
      seconds: run.wallSeconds,
      losses: run.steps.map((s) => s.loss),
    });
  }
  const memory = names.map((name) => optimizerMemory(name, parameters));
  const charts = [
    await writeChart(outDir, 'optimizers.svg', {
      title: 'Training loss per optimizer (same model, data and seed)',
      xLabel: 'step',
      yLabel: 'training loss',
      series: runs.map((run) => ({
        name: `${run.optimizer} (lr ${run.learningRate})`,
        points: run.losses.map((loss, i) => [i + 1, loss] as const),
      })),
      notes: [
        `${model.layers} layers, d ${model.dModel}, context ${model.context}, batch ${batchSize}, ` +
          `${parameters.toLocaleString('en')} parameters, bundled corpus`,
      ],
    }),
  ];
  const data: OptimizerData = { model, batchSize, steps, parameters, runs, memory };
  await writeJson(outDir, 'optimizers.json', data);
  const summary = optimizerSummary(data);
  await writeSummary(outDir, summary);
  return { name: 'optimizers', outDir, charts, summary, data };
}

function optimizerSummary(data: OptimizerData): string {
  const { model, runs, memory } = data;
  const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
  const sgd = runs.find((r) => r.optimizer === 'sgd');
  const lomo = runs.find((r) => r.optimizer === 'lomo');
  const gap =
    sgd && lomo
      ? Math.max(...lomo.losses.map((l, i) => Math.abs(l - (sgd.losses[i] ?? NaN))))
      : NaN;
  const lomoNote = Number.isNaN(gap)
    ? ''
    : (gap === 0
        ? "LOMO's loss equals SGD's at every step"
        : `LOMO's loss differs from SGD's by at most ${gap.toExponential(1)} a step`) +
      ': the same update rule; what LOMO saves is memory (no state, no full gradient kept).';
  return [
    '# Optimizers',
    '',
    `${model.layers} layers, d_model ${model.dModel}, context ${model.context}, batch ${data.batchSize}, ` +
      `${data.steps} steps, ${data.parameters.toLocaleString('en')} parameters, the bundled corpus, ` +
      'the same seed (same initial weights, same batches), warmup then cosine decay.',
    '',
    markdownTable(
      [
        'optimizer',
        'learning rate',
        'weight decay',
        'final training loss',
        'final validation loss',
        'seconds',
        'why this rate',
      ],
      runs.map((r) => [
        r.optimizer,
        r.learningRate,
        r.weightDecay,
        fixed(r.finalLoss),
        fixed(r.validationLoss),
        r.seconds.toFixed(1),
        r.why,
      ]),
    ),
    '',
    lomoNote,
    '',
    '## Optimizer state in memory (fp32, 4 bytes a float)',
    '',
    markdownTable(
      [
        'optimizer',
        'state floats / parameter',
        'this model (MB)',
        '7 B model (GB)',
        'weights + grads + state (bytes / parameter, training-math regime)',
      ],
      memory.map((m) => [
        m.optimizer,
        m.statePerParameter,
        mb(m.stateBytes),
        (m.stateBytes7B / 1e9).toFixed(0),
        `${m.modelStateBytesPerParameter} (${m.regime})`,
      ]),
    ),
    '',
  ].join('\n');
}
