// A distribution summarised at the end of a pass. It keeps one 32-bit number per example (4 MB
// per million examples, growing by doubling), which is what exact percentiles need; the
// percentiles interpolate linearly between ranks, as numpy's default does in the cookbook.

export interface Summary {
  count: number;
  total: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p95: number;
}

export class Distribution {
  private values = new Uint32Array(1024);
  private size = 0;
  private sum = 0;

  add(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size] = value;
    this.size += 1;
    this.sum += value;
  }

  summary(): Summary {
    if (this.size === 0) return { count: 0, total: 0, min: 0, max: 0, mean: 0, p50: 0, p95: 0 };
    const sorted = this.values.slice(0, this.size).sort();
    return {
      count: this.size,
      total: this.sum,
      min: sorted[0] ?? 0,
      max: sorted[this.size - 1] ?? 0,
      mean: this.sum / this.size,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
    };
  }
}

/** Linear interpolation between the two nearest ranks (numpy's default `linear` method). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] ?? 0;
  const b = sorted[high] ?? a;
  return a + (b - a) * (position - low);
}
