// Each optimizer against a two-parameter update worked out by hand from its documented rule
// (PyTorch's torch.optim.SGD / Adam / AdamW pages; Lion: Chen et al. 2023, Algorithm 2).
// Parameters p = [1, −2], gradient g = [0.5, −1], learning rate 0.1.
import { describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerOptions } from './optimizers.js';

function run(options: OptimizerOptions, gradients: number[][]): number[] {
  const optimizer = createOptimizer(options);
  const params = Float32Array.from([1, -2]);
  for (const g of gradients) optimizer.step('w', params, Float32Array.from(g), 0.1);
  return [...params];
}

const G = [0.5, -1];
const close = (actual: number[], expected: number[]) =>
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 5));

describe('optimizers', () => {
  it('SGD: p − lr·g', () => {
    close(run({ name: 'sgd' }, [G]), [0.95, -1.9]);
  });

  it('momentum: v = μ·v + g (v₁ = g), p − lr·v', () => {
    // Step 2: v = 0.9·[0.5, −1] + [0.5, −1] = [0.95, −1.9]; p = [0.95 − 0.095, −1.9 + 0.19].
    close(run({ name: 'momentum', momentum: 0.9 }, [G, G]), [0.855, -1.71]);
  });

  it('Adam: bias-corrected m̂/√v̂ steps lr·sign(g) on a constant gradient', () => {
    // m̂ = g and v̂ = g² at every step when g is constant: each step moves each weight by lr.
    close(run({ name: 'adam' }, [G]), [0.9, -1.9]);
    close(run({ name: 'adam' }, [G, G]), [0.8, -1.8]);
  });

  it('AdamW decays the weights themselves; Adam’s L2 goes through the normalised gradient', () => {
    // AdamW: p −= lr·λ·p → [0.99, −1.98], then the Adam step of lr → [0.89, −1.88].
    close(run({ name: 'adamw', weightDecay: 0.1 }, [G]), [0.89, -1.88]);
    // Adam + L2: g + λ·p = [0.6, −1.2] has the same signs, so step 1 is still lr·sign(g).
    close(run({ name: 'adam', weightDecay: 0.1 }, [G]), [0.9, -1.9]);
  });

  it('Lion: the sign of an interpolation, which can move against the current gradient', () => {
    close(run({ name: 'lion' }, [G]), [0.9, -1.9]);
    // After step 1, m = 0.01·g = [0.005, −0.01]. Step 2 with g = [−0.01, −1]:
    // c₀ = 0.9·0.005 + 0.1·(−0.01) = 0.0035 > 0, so p₀ still falls: 0.9 → 0.8.
    close(run({ name: 'lion' }, [G, [-0.01, -1]]), [0.8, -1.8]);
    // Decoupled decay: p −= lr·(sign(c) + λ·p) = [1 − 0.1·1.5, −2 − 0.1·(−1 − 1)].
    close(run({ name: 'lion', weightDecay: 0.5 }, [G]), [0.85, -1.8]);
  });

  it('keeps 0, 1 or 2 floats of state per parameter (LOMO and SGD none)', () => {
    const state = ['sgd', 'lomo', 'momentum', 'lion', 'adam', 'adamw'].map(
      (name) => createOptimizer({ name } as OptimizerOptions).statePerParameter,
    );
    expect(state).toEqual([0, 0, 1, 1, 2, 2]);
    close(run({ name: 'lomo' }, [G]), [0.95, -1.9]);
  });

  it('keeps state per tensor key', () => {
    const adam = createOptimizer({ name: 'adam' });
    const a = Float32Array.from([1]);
    const b = Float32Array.from([1]);
    adam.step('a', a, Float32Array.from([1]), 0.1);
    adam.step('a', a, Float32Array.from([1]), 0.1);
    adam.step('b', b, Float32Array.from([1]), 0.1);
    expect(a[0]).toBeCloseTo(0.8, 5);
    expect(b[0]).toBeCloseTo(0.9, 5);
  });

  it('names an unknown optimizer and a gradient of the wrong size', () => {
    expect(() => createOptimizer({ name: 'adagrad' as never })).toThrow(
      /Unknown optimizer "adagrad"/,
    );
    const sgd = createOptimizer({ name: 'sgd' });
    expect(() => sgd.step('w', new Float32Array(2), new Float32Array(3), 0.1)).toThrow(
      /3 values for 2 parameters/,
    );
  });
});
