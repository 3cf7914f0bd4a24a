// What a suite run produces: one result per (test × prompt × provider) case, a summary with a
// bootstrap interval, and the comparison of two runs. Shapes follow promptfoo's JSON results and
// OpenAI's eval runs (`result_counts`), so the JSON report is familiar.
import type { Usage } from '@repo/core';
import type { EvaluationMethod } from './evaluator.js';

export interface AssertionResult {
  /** The assertion type as written (`icontains`, `not-regex`, `llm-rubric`, …). */
  type: string;
  pass: boolean;
  score: number;
  reason: string;
  method: EvaluationMethod;
  weight: number;
  threshold?: number;
  /** A named score (promptfoo's `metric`), aggregated across cases. */
  metric?: string;
}

export type CaseStatus = 'passed' | 'failed' | 'error' | 'cancelled';

export interface CaseResult {
  /** Stable across runs of the same suite: `<test key>|<prompt label>|<provider id>`. */
  id: string;
  testIndex: number;
  description: string;
  /** The prompt's label (its `label`, else its text cut to 60 characters). */
  prompt: string;
  /** The provider id as written in the suite (`local`, `deepseek:deepseek-v4-flash`). */
  provider: string;
  vars: Record<string, unknown>;
  output: string;
  latencyMs: number;
  usage: Usage;
  /** US dollars from the provider's configured prices; 0 without prices. */
  cost: number;
  /** True when the output came from the cache (latency is then the original call's). */
  cached: boolean;
  /**
   * Requests the model made for this case: 1 + its retries, as the model counts them
   * (@repo/providers' attemptsOf; 1 for a model that keeps no count). 0 when cached.
   */
  attempts: number;
  assertions: AssertionResult[];
  /** Weighted mean of the assertion scores (promptfoo's rule); 0 on error. */
  score: number;
  pass: boolean;
  status: CaseStatus;
  /** Why the case errored (provider failure, timeout) or was cancelled. */
  error?: string;
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  errors: number;
  cancelled: number;
  /** passed / (passed + failed + errors); cancelled cases are not counted. */
  passRate: number;
  /** Bootstrap 95% interval of the pass rate (percentile method). */
  ci95: [number, number];
  /** True when any score came from an offline heuristic instead of a judge model. */
  heuristic: boolean;
  durationMs: number;
  usage: Usage;
  cost: number;
  /** Mean score per named metric (assertion `metric`, else its type). */
  namedScores: Record<string, number>;
}

export interface EvalRun {
  id: string;
  /** The suite's `description`, else its file name. */
  name: string;
  suitePath?: string;
  startedAt: string;
  finishedAt: string;
  status: 'completed' | 'cancelled';
  /** The judge used by model-graded assertions; `heuristic` when it was the embedded model. */
  judge?: { provider: string; model: string; heuristic: boolean };
  results: CaseResult[];
  summary: RunSummary;
}

export interface FlippedCase {
  id: string;
  description: string;
  before: CaseStatus;
  after: CaseStatus;
  scoreBefore: number;
  scoreAfter: number;
}

export interface RunComparison {
  a: { id: string; name: string; passRate: number };
  b: { id: string; name: string; passRate: number };
  /** Cases present in both runs whose pass/fail changed (error counts as not passing). */
  flipped: FlippedCase[];
  /** b's pass rate minus a's, over the cases both runs have. */
  passRateDelta: number;
  /** Paired bootstrap 95% interval of that difference. */
  ci95: [number, number];
  onlyInA: string[];
  onlyInB: string[];
}

/** Emitted after every finished case. */
export interface RunProgress {
  done: number;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  result: CaseResult;
}
