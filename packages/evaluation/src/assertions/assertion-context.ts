// What an assertion sees: the output, the case's vars and measurements, the graders (judge and
// embedding models) it may call, and the worker threads that run the checks on the output text.
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
  /** Runs the deterministic checks on the output off the event loop, under a time limit. */
  workers: OutputGrader;
  signal?: AbortSignal;
}

/** What a deterministic check on the output takes (plain data: it is sent to a worker thread). */
export interface OutputAssertion {
  /** With its `{{vars}}` already filled in. */
  value?: unknown;
  threshold?: number;
  config: Record<string, unknown>;
}

/** A check that reads only the output text: equals, contains…, regex, JSON, the metrics. */
export type OutputCheck = (assertion: OutputAssertion, output: string) => AssertionOutcome;

/** One check on the output, by assertion type. */
export interface OutputCheckTask extends OutputAssertion {
  type: string;
}

/** A case's checks on its output, graded together: one trip to a worker per case. */
export interface GradeBatch {
  output: string;
  checks: OutputCheckTask[];
}

export interface OutputGrader {
  /** The outcomes in the order of the checks; the first check that throws fails them all. */
  grade(batch: GradeBatch, signal?: AbortSignal): Promise<AssertionOutcome[]>;
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
