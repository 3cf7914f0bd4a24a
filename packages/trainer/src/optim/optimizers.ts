// The seed article's optimizers as update rules on plain Float32Arrays, one parameter tensor at a
// time: SGD, SGD with momentum, Adam, AdamW, Lion and a LOMO-style stateless update. A tiny
// model's optimizer step is a few hundred thousand multiply-adds, nothing next to the forward and
// backward passes, so the rules are written out here (and tested against hand-computed updates)
// rather than taken from tfjs, which has neither AdamW's decoupled decay, Lion nor LOMO.
// Each follows PyTorch's documented update (torch.optim.SGD, Adam, AdamW) or the paper (Lion:
// Chen et al. 2023, arXiv:2302.06675; LOMO: Lv et al. 2023, arXiv:2306.09782).
import { InvalidInputError } from '@repo/core';

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'adam', 'adamw', 'lion', 'lomo'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export interface OptimizerOptions {
  name: OptimizerName;
  /** momentum's μ (default 0.9). */
  momentum?: number;
  /** Adam's and Lion's β1, β2 (defaults 0.9, 0.999 for Adam; 0.9, 0.99 for Lion). */
  beta1?: number;
  beta2?: number;
  /** Adam's ε (default 1e-8). */
  epsilon?: number;
  /** Adam: L2 added to the gradient; AdamW and Lion: decoupled, applied to the weights. */
  weightDecay?: number;
}

/** One tensor's update: `params` changed in place from `grads` at learning rate `lr`. */
export interface Optimizer {
  readonly name: OptimizerName;
  step(key: string, params: Float32Array, grads: Float32Array, lr: number): void;
  /** Floats of state kept per parameter: 0 (SGD, LOMO), 1 (momentum, Lion) or 2 (Adam, AdamW). */
  readonly statePerParameter: number;
  /** The state to checkpoint (moments and step counts per tensor), for an exact resume. */
  saveState(): OptimizerState;
  loadState(state: OptimizerState): void;
}

export interface OptimizerState {
  first: Record<string, Float32Array>;
  second: Record<string, Float32Array>;
  steps: Record<string, number>;
}

const STATE_PER_PARAMETER: Record<OptimizerName, number> = {
  sgd: 0,
  lomo: 0,
  momentum: 1,
  lion: 1,
  adam: 2,
  adamw: 2,
};

export function createOptimizer(options: OptimizerOptions): Optimizer {
  if (!OPTIMIZER_NAMES.includes(options?.name))
    throw new InvalidInputError(`Unknown optimizer "${String(options?.name)}"`, [
      { field: 'name', reason: `must be one of ${OPTIMIZER_NAMES.join(', ')}` },
    ]);
  const { name } = options;
  const isLion = name === 'lion';
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? (isLion ? 0.99 : 0.999);
  const epsilon = options.epsilon ?? 1e-8;
  const mu = options.momentum ?? 0.9;
  const decay = options.weightDecay ?? 0;
  const first = new Map<string, Float32Array>();
  const second = new Map<string, Float32Array>();
  const steps = new Map<string, number>();
  const state = (map: Map<string, Float32Array>, key: string, size: number) => {
    let value = map.get(key);
    if (!value) map.set(key, (value = new Float32Array(size)));
    return value;
  };

  return {
    name,
    statePerParameter: STATE_PER_PARAMETER[name],
    saveState: () => ({
      first: Object.fromEntries(first),
      second: Object.fromEntries(second),
      steps: Object.fromEntries(steps),
    }),
    loadState(saved) {
      for (const [map, values] of [
        [first, saved.first],
        [second, saved.second],
      ] as const) {
        map.clear();
        for (const [key, value] of Object.entries(values ?? {}))
          map.set(key, Float32Array.from(value));
      }
      steps.clear();
      for (const [key, t] of Object.entries(saved.steps ?? {})) steps.set(key, t);
    },
    step(key, params, grads, lr) {
      if (params.length !== grads.length)
        throw new InvalidInputError(
          `Gradient of "${key}" has ${grads.length} values for ${params.length} parameters`,
          [{ field: 'grads', reason: 'must have one value per parameter' }],
        );
      switch (name) {
        case 'sgd':
        case 'lomo':
          // LOMO fuses this into the backward pass, layer by layer, keeping no state and no full
          // gradient: the update rule itself is plain SGD.
          for (let i = 0; i < params.length; i++) params[i]! -= lr * grads[i]!;
          return;
        case 'momentum': {
          // PyTorch: v = μ·v + g; p -= lr·v (v starts at g).
          const v = state(first, key, params.length);
          const firstStep = !steps.has(key);
          steps.set(key, 1);
          for (let i = 0; i < params.length; i++) {
            v[i] = firstStep ? grads[i]! : mu * v[i]! + grads[i]!;
            params[i]! -= lr * v[i]!;
          }
          return;
        }
        case 'adam':
        case 'adamw': {
          const m = state(first, key, params.length);
          const v = state(second, key, params.length);
          const t = (steps.get(key) ?? 0) + 1;
          steps.set(key, t);
          const correction1 = 1 - beta1 ** t;
          const correction2 = 1 - beta2 ** t;
          for (let i = 0; i < params.length; i++) {
            let g = grads[i]!;
            // Adam's weight decay is L2 in the gradient; AdamW's decays the weight itself.
            if (name === 'adam') g += decay * params[i]!;
            else params[i]! -= lr * decay * params[i]!;
            m[i] = beta1 * m[i]! + (1 - beta1) * g;
            v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
            params[i]! -= (lr * (m[i]! / correction1)) / (Math.sqrt(v[i]! / correction2) + epsilon);
          }
          return;
        }
        case 'lion': {
          // c = β1·m + (1 − β1)·g; p −= lr·(sign(c) + λ·p); m = β2·m + (1 − β2)·g.
          const m = state(first, key, params.length);
          for (let i = 0; i < params.length; i++) {
            const g = grads[i]!;
            const c = beta1 * m[i]! + (1 - beta1) * g;
            params[i]! -= lr * (Math.sign(c) + decay * params[i]!);
            m[i] = beta2 * m[i]! + (1 - beta2) * g;
          }
          return;
        }
      }
    },
  };
}
