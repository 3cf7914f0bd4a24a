// Statistics for eval runs: a seeded PRNG, percentile-bootstrap and Wilson intervals, unbiased
// pass@k (Chen et al. 2021), a run's summary and the paired comparison of two runs.
import { addUsage, createRandom, emptyUsage } from '@repo/core';
import type { CaseResult, EvalRun, FlippedCase, RunComparison, RunSummary } from './eval-run.js';
import { MetricInputError, requirePositiveInteger } from './metrics/metrics-errors.js';

export interface BootstrapOptions {
  /** Resamples; 1,000 as in FastChat, 10,000 for publication. */
  iterations?: number;
  seed?: number;
  confidence?: number;
}

/** The seeded generator behind the intervals (@repo/core's mulberry32). */
export { createRandom };

/** Percentile-bootstrap interval of the mean: resample with replacement, take the tails' percentiles. */
export function bootstrapInterval(
  values: readonly number[],
  options: BootstrapOptions = {},
): [number, number] {
  const { iterations = 1000, seed = 1, confidence = 0.95 } = options;
  requirePositiveInteger(iterations, 'iterations', 'Bootstrap');
  if (!(confidence > 0 && confidence < 1)) {
    throw new MetricInputError(`Confidence must be between 0 and 1, got ${confidence}`, [
      { field: 'confidence', reason: 'must be in (0, 1)' },
    ]);
  }
  const first = values[0];
  if (first === undefined) return [0, 0];
  // Resampled sums of equal floats can drift in the last bit; the honest interval is the value.
  if (values.every((value) => value === first)) return [first, first];

  const random = createRandom(seed);
  const means: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let sum = 0;
    for (let j = 0; j < values.length; j++) {
      sum += values[Math.floor(random() * values.length)] ?? 0;
    }
    means.push(sum / values.length);
  }
  means.sort((x, y) => x - y);
  const tail = (1 - confidence) / 2;
  return [readPercentile(means, tail), readPercentile(means, 1 - tail)];
}

/** Wilson score interval of a proportion: @repo/core's, re-exported for eval reports. */
export { wilsonInterval } from '@repo/core';

/**
 * Unbiased pass@k for one problem with n samples of which c are correct: 1 − C(n−c, k)/C(n, k),
 * as the product 1 − Π_{i=n−c+1..n} (1 − k/i), which does not overflow (openai/human-eval).
 */
export function passAtK(n: number, c: number, k: number): number {
  if (![n, c, k].every(Number.isInteger) || c < 0 || c > n || k < 1) {
    throw new MetricInputError(
      `pass@k needs integers with 0 <= c <= n and k >= 1, got n=${n}, c=${c}, k=${k}`,
      [{ field: 'k', reason: 'n, c and k must be integers, 0 <= c <= n, k >= 1' }],
    );
  }
  if (k > n) {
    throw new MetricInputError(`pass@${k} is undefined with only ${n} samples`, [
      { field: 'k', reason: `must be at most n (${n})` },
    ]);
  }
  if (n - c < k) return 1;
  let allWrong = 1;
  for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
  return 1 - allWrong;
}

export interface SummarizeOptions {
  durationMs: number;
  iterations?: number;
  seed?: number;
}

/** A run's summary; cancelled cases are counted but left out of the rates, interval and scores. */
export function summarizeResults(
  results: readonly CaseResult[],
  options: SummarizeOptions,
): RunSummary {
  const counted = results.filter((result) => result.status !== 'cancelled');
  const passed = counted.filter((result) => result.status === 'passed').length;
  const namedTotals = new Map<string, { sum: number; count: number }>();
  for (const assertion of counted.flatMap((result) => result.assertions)) {
    const name = assertion.metric ?? assertion.type;
    const total = namedTotals.get(name) ?? { sum: 0, count: 0 };
    namedTotals.set(name, { sum: total.sum + assertion.score, count: total.count + 1 });
  }
  return {
    total: results.length,
    passed,
    failed: counted.filter((result) => result.status === 'failed').length,
    errors: counted.filter((result) => result.status === 'error').length,
    cancelled: results.length - counted.length,
    passRate: counted.length === 0 ? 0 : passed / counted.length,
    ci95: bootstrapInterval(counted.map(scorePass), {
      iterations: options.iterations,
      seed: options.seed,
    }),
    heuristic: results.some((result) =>
      result.assertions.some((assertion) => assertion.method === 'heuristic'),
    ),
    durationMs: options.durationMs,
    // Cancelled cases may still have spent tokens before they stopped.
    usage: results.reduce((sum, result) => addUsage(sum, result.usage), emptyUsage()),
    cost: results.reduce((sum, result) => sum + result.cost, 0),
    namedScores: Object.fromEntries(
      [...namedTotals].map(([name, { sum, count }]) => [name, sum / count]),
    ),
  };
}

/** Run b against run a, paired by case id; a case cancelled in either run is not paired. */
export function compareRuns(
  a: EvalRun,
  b: EvalRun,
  options: Pick<BootstrapOptions, 'iterations' | 'seed'> = {},
): RunComparison {
  const byIdInB = new Map(b.results.map((result) => [result.id, result]));
  const idsInA = new Set(a.results.map((result) => result.id));
  const pairs: [CaseResult, CaseResult][] = [];
  for (const before of a.results) {
    const after = byIdInB.get(before.id);
    if (after && before.status !== 'cancelled' && after.status !== 'cancelled')
      pairs.push([before, after]);
  }
  const differences = pairs.map(([before, after]) => scorePass(after) - scorePass(before));
  const flipped: FlippedCase[] = pairs
    .filter(([before, after]) => scorePass(before) !== scorePass(after))
    .map(([before, after]) => ({
      id: before.id,
      description: after.description,
      before: before.status,
      after: after.status,
      scoreBefore: before.score,
      scoreAfter: after.score,
    }))
    .sort(compareFlips);
  return {
    a: { id: a.id, name: a.name, passRate: a.summary.passRate },
    b: { id: b.id, name: b.name, passRate: b.summary.passRate },
    flipped,
    passRateDelta:
      differences.length === 0
        ? 0
        : differences.reduce((sum, d) => sum + d, 0) / differences.length,
    // Resampling the per-case differences is resampling case indices for both runs at once.
    ci95: bootstrapInterval(differences, options),
    onlyInA: a.results.filter((result) => !byIdInB.has(result.id)).map((result) => result.id),
    onlyInB: b.results.filter((result) => !idsInA.has(result.id)).map((result) => result.id),
  };
}

function scorePass(result: CaseResult): number {
  return result.status === 'passed' ? 1 : 0;
}

// Regressions (passed → not) first: they are what a reviewer must look at.
function compareFlips(x: FlippedCase, y: FlippedCase): number {
  const regression = Number(y.before === 'passed') - Number(x.before === 'passed');
  if (regression !== 0) return regression;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

// Linear interpolation between closest ranks (numpy's and pandas' default).
function readPercentile(sorted: readonly number[], fraction: number): number {
  const index = fraction * (sorted.length - 1);
  const lower = sorted[Math.floor(index)] ?? 0;
  const upper = sorted[Math.ceil(index)] ?? lower;
  return lower + (upper - lower) * (index - Math.floor(index));
}
