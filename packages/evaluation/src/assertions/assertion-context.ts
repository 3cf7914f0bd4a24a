// What an assertion sees: the output, the case's vars and measurements, and the graders (judge and
// embedding models) it may call.
import type { ChatModel, EmbeddingModel } from '@repo/core';
import type { ContextDocument, EvaluationMethod } from '../evaluator.js';
import type { SuiteAssertion } from '../suite/eval-suite.js';

export interface Graders {
  /** The judge for model-graded assertions; `id` is the assertion's or test's grader, if any. */
  judge(id?: string): ChatModel;
  embedding(id?: string): EmbeddingModel;
  /** Passed to judges: `auto` uses offline heuristics when the judge is the embedded model. */
  heuristic: 'auto' | 'always' | 'never';
}

export interface AssertionContext {
  output: string;
  vars: Record<string, unknown>;
  /** `vars.query`, else `vars.question`, else the last user message sent. */
  userText: string;
  context: ContextDocument[];
  latencyMs: number;
  cost: number;
  graders: Graders;
  signal?: AbortSignal;
}

export interface AssertionOutcome {
  pass: boolean;
  score: number;
  reason: string;
  method: EvaluationMethod;
}

/** One assertion type's check; `value` has its `{{vars}}` already filled in. */
export type AssertionCheck = (
  assertion: SuiteAssertion & { value?: unknown },
  context: AssertionContext,
) => AssertionOutcome | Promise<AssertionOutcome>;

export function outcome(pass: boolean, reason: string, score = pass ? 1 : 0): AssertionOutcome {
  return { pass, score, reason, method: 'metric' };
}

/** Score ≥ threshold, with the numbers in the reason. */
export function atLeast(
  name: string,
  score: number,
  threshold: number,
  method: EvaluationMethod = 'metric',
): AssertionOutcome {
  const pass = score >= threshold;
  return {
    pass,
    score,
    method,
    reason: `${name} ${round(score)} ${pass ? '≥' : '<'} ${threshold}`,
  };
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
