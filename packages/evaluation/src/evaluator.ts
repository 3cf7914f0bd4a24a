// The evaluator contract (Spring AI's Evaluator / EvaluationRequest / EvaluationResponse), with a
// reason, the judge's raw reply and how the score was reached, so a report can tell a model's
// verdict from an offline heuristic.
import type { Usage } from '@repo/core';

/** A supporting document: plain text, or text with an id (cited in feedback) and metadata. */
export type ContextDocument =
  string | { text: string; id?: string; metadata?: Record<string, unknown> };

export interface EvaluationRequest {
  /** The user's question (Spring's `userText`). */
  userText: string;
  /** The answer being judged (Spring's `responseContent`). */
  response: string;
  /** Supporting documents (Spring's `dataList`), joined into the judge prompt's context. */
  context?: readonly ContextDocument[];
  /** A reference answer, for correctness and reference-guided judges. */
  reference?: string;
  signal?: AbortSignal;
}

/**
 * How a score was reached: `model` (a judge model's verdict), `heuristic` (an offline stand-in for
 * a judge; reports label it), `metric` (a deterministic computation).
 */
export type EvaluationMethod = 'model' | 'heuristic' | 'metric';

export interface EvaluationResult {
  pass: boolean;
  /** 0..1 (some metrics, e.g. cosine, can be below 0). */
  score: number;
  /** Why: the judge's reason, or what the heuristic or metric found. */
  feedback: string;
  method: EvaluationMethod;
  /** The judge model's raw reply, when a model judged. */
  raw?: string;
  /** Tokens the judge spent. */
  usage?: Usage;
  metadata?: Record<string, unknown>;
}

export interface Evaluator {
  readonly name: string;
  evaluate(request: EvaluationRequest): Promise<EvaluationResult>;
}

/** Joins context documents the way Spring's evaluators do (one per line). */
export function contextText(context: readonly ContextDocument[] | undefined): string {
  return (context ?? []).map((doc) => (typeof doc === 'string' ? doc : doc.text)).join('\n');
}
