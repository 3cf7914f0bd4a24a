// One training run of an experiment, in a worker thread (startRun) so the caller's event loop
// stays free: every step's loss and metrics are collected for the charts, and progress is
// reported step by step. Runs go one after another: on two cores, two at once are no faster.
import { startRun } from '../run/start-run.js';
import type { TrainConfig, TrainEvent, TrainResult } from '../train/train.js';
import type { Progress } from './experiment.js';

export interface StepRecord {
  /** 1-based, as charts show it. */
  step: number;
  loss: number;
  metrics: Record<string, number>;
}

export interface TrainingRun {
  result: TrainResult;
  /** The vocabulary size the run trained with (the model's shape is in its config). */
  vocabSize: number;
  steps: StepRecord[];
  /** From starting the worker to the result: model loading and validation included. */
  wallSeconds: number;
}

export async function runTraining(
  config: TrainConfig,
  label: string,
  progress: Progress,
): Promise<TrainingRun> {
  const began = performance.now();
  const steps: StepRecord[] = [];
  let vocabSize = 0;
  const run = startRun(config);
  run.events.on('event', (event: TrainEvent) => {
    if (event.type === 'start') vocabSize = event.vocabSize;
    if (event.type !== 'step') return;
    steps.push({ step: event.step + 1, loss: event.loss, metrics: event.metrics });
    progress.report(
      `${label}: step ${event.step + 1}/${event.steps}, loss ${event.loss.toFixed(3)}`,
      event.step + 1,
    );
  });
  const result = await run.done;
  progress.complete(`${label}: done, loss ${result.finalLoss.toFixed(3)}`, config.steps);
  return { result, vocabSize, steps, wallSeconds: (performance.now() - began) / 1000 };
}

/** A chart series from the steps: one metric (or the loss) where it was measured. */
export function stepSeries(
  steps: readonly StepRecord[],
  metric?: string,
): (readonly [number, number])[] {
  return steps.flatMap((s) => {
    const value = metric === undefined ? s.loss : s.metrics[metric];
    return value === undefined ? [] : [[s.step, value] as const];
  });
}
