// Each optimizer's learning rate for the comparison, and why: one rate for all would only show
// which optimizer suits that rate. Rates were picked with a short sweep on this model (2 layers,
// d 64, context 64, batch 16, 120 steps, warmup then cosine, gradients clipped to norm 1): final
// training loss SGD 3.61 at 0.3, 3.59 at 0.9; momentum 3.67 at 0.05, 3.63 at 0.1; Lion 5.08 at
// 3e-4, 3.65 at 1e-3; Adam and AdamW 3.57 at 3e-3.
// Also the memory each one's state takes: per parameter, for this model and for a 7 B model.
import { BYTES_PER_PARAMETER, type TrainingRegime } from '@repo/training-math';
import { createOptimizer, type OptimizerName, type OptimizerOptions } from '../optim/optimizers.js';

export interface OptimizerSetting {
  learningRate: number;
  optimizer: OptimizerOptions;
  why: string;
}

export const OPTIMIZER_SETTINGS: Record<OptimizerName, OptimizerSetting> = {
  sgd: {
    learningRate: 0.9,
    optimizer: { name: 'sgd' },
    why: 'no per-parameter normalisation: a weight moves by lr × its gradient, mostly tiny, so the rate must be ~300× Adam’s',
  },
  momentum: {
    learningRate: 0.1,
    optimizer: { name: 'momentum', momentum: 0.9 },
    why: 'μ 0.9 sums ~10 past gradients, so ~1/10 of plain SGD’s rate gives a similar step',
  },
  adam: {
    learningRate: 3e-3,
    optimizer: { name: 'adam' },
    why: 'the usual rate for a model this small (nanoGPT’s tiny configs use 1e-3 to 6e-3)',
  },
  adamw: {
    learningRate: 3e-3,
    optimizer: { name: 'adamw', weightDecay: 0.1 },
    why: 'as Adam, with GPT-style decoupled weight decay 0.1',
  },
  lion: {
    learningRate: 1e-3,
    optimizer: { name: 'lion', weightDecay: 0.3 },
    why: 'Lion paper: a rate 3–10× smaller than AdamW’s and decay 3–10× larger (its sign update has norm 1 per coordinate)',
  },
  lomo: {
    learningRate: 0.9,
    optimizer: { name: 'lomo' },
    why: 'the SGD update fused into the backward pass: same rule, so the same rate as SGD',
  },
};

/** training-math's regime (weights + gradients + optimizer state) closest to each optimizer. */
const REGIME: Record<OptimizerName, TrainingRegime> = {
  sgd: 'fp32-sgd',
  momentum: 'fp32-sgd-momentum',
  adam: 'fp32-adam',
  adamw: 'fp32-adam',
  lion: 'mixed-lion',
  lomo: 'lomo',
};

export const SEVEN_B = 7e9;

export interface OptimizerMemory {
  optimizer: OptimizerName;
  /** Floats of state per parameter (createOptimizer's statePerParameter). */
  statePerParameter: number;
  /** Optimizer state in fp32 for the experiment's model. */
  stateBytes: number;
  /** The same for 7 B parameters. */
  stateBytes7B: number;
  /** Weights + gradients + state per parameter, from training-math (its regime named). */
  regime: TrainingRegime;
  modelStateBytesPerParameter: number;
}

export function optimizerMemory(name: OptimizerName, parameters: number): OptimizerMemory {
  const statePerParameter = createOptimizer({ name }).statePerParameter;
  return {
    optimizer: name,
    statePerParameter,
    stateBytes: statePerParameter * parameters * 4,
    stateBytes7B: statePerParameter * SEVEN_B * 4,
    regime: REGIME[name],
    modelStateBytesPerParameter: BYTES_PER_PARAMETER[REGIME[name]],
  };
}
