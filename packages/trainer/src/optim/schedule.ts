// The learning-rate schedule and the gradient plumbing around an optimizer step: linear warmup then
// cosine decay to a floor, clipping by the global gradient norm, and accumulation over
// micro-batches (the mean of their gradients, as one larger batch would give).
import { InvalidInputError } from '@repo/core';

export interface ScheduleOptions {
  peak: number;
  warmupSteps: number;
  totalSteps: number;
  /** The floor the cosine ends at, as a share of the peak (default 0.1). */
  minRatio?: number;
}

/** Learning rate at `step` (0-based): `peak·(step+1)/warmup`, then cosine from peak to the floor. */
export function warmupCosine(step: number, options: ScheduleOptions): number {
  const { peak, warmupSteps, totalSteps, minRatio = 0.1 } = options;
  if (!(totalSteps > 0) || warmupSteps < 0 || warmupSteps > totalSteps || !(peak > 0))
    throw new InvalidInputError(
      'The schedule needs peak > 0 and 0 ≤ warmupSteps ≤ totalSteps > 0',
      [{ field: 'schedule', reason: 'needs peak > 0 and 0 ≤ warmupSteps ≤ totalSteps > 0' }],
    );
  if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  const progress = Math.min(1, (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
  const floor = peak * minRatio;
  return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
}

/** Scales every gradient so their global L2 norm is at most `maxNorm`; returns the norm before. */
export function clipGlobalNorm(grads: Iterable<Float32Array>, maxNorm: number): number {
  const all = [...grads];
  let sum = 0;
  for (const grad of all) for (const value of grad) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > maxNorm && norm > 0) {
    const scale = maxNorm / norm;
    for (const grad of all) for (let i = 0; i < grad.length; i++) grad[i]! *= scale;
  }
  return norm;
}

/** Adds micro-batch gradients up; `mean()` gives what one batch of all of them would. */
export class GradientAccumulator {
  private readonly sums = new Map<string, Float32Array>();
  private count = 0;

  add(grads: ReadonlyMap<string, Float32Array>): void {
    for (const [key, grad] of grads) {
      let sum = this.sums.get(key);
      if (!sum) this.sums.set(key, (sum = new Float32Array(grad.length)));
      for (let i = 0; i < grad.length; i++) sum[i]! += grad[i]!;
    }
    this.count++;
  }

  /** The mean gradient per tensor, and a fresh start for the next step. */
  mean(): Map<string, Float32Array> {
    const out = new Map<string, Float32Array>();
    for (const [key, sum] of this.sums)
      out.set(
        key,
        sum.map((value) => value / this.count),
      );
    this.sums.clear();
    this.count = 0;
    return out;
  }
}
