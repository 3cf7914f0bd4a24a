// promptfoo's `factuality` (OpenAI evals `fact.yaml`): the judge places the response against the
// reference answer in one of five categories, each worth a configurable score. Pass iff the
// category's score is at least 0.5, so with the defaults only (D) disagreement fails, and a
// caller who sets `superset: 0.3` makes padded answers fail too.
import { userMessage } from '@repo/core';
import { z } from 'zod';
import type { Evaluator } from '../evaluator.js';
import { heuristicCorrectness } from './heuristic-judges.js';
import { CORRECTNESS_PROMPT } from './judge-prompts.js';
import { checkUnitInterval, createJudgeEvaluator, createJudgeTemplate } from './judges-support.js';
import type { JudgeOptions } from './judges-support.js';

export interface CorrectnessScores {
  /** (A) the response is a consistent subset of the reference. */
  subset: number;
  /** (B) a consistent superset. */
  superset: number;
  /** (C) the same details. */
  agree: number;
  /** (D) they disagree. */
  disagree: number;
  /** (E) they differ, but not in a way that matters for factuality. */
  differButFactual: number;
}

export interface CorrectnessEvaluatorOptions extends JudgeOptions {
  scores?: Partial<CorrectnessScores>;
}

const DEFAULT_SCORES: CorrectnessScores = {
  subset: 1,
  superset: 1,
  agree: 1,
  disagree: 0,
  differButFactual: 1,
};
const CATEGORIES = {
  A: 'subset',
  B: 'superset',
  C: 'agree',
  D: 'disagree',
  E: 'differButFactual',
} as const satisfies Record<string, keyof CorrectnessScores>;

const Verdict = z.object({ reason: z.string(), category: z.enum(['A', 'B', 'C', 'D', 'E']) });

/** `promptTemplate` placeholders: `{question}`, `{reference}`, `{response}`. Needs a reference. */
export function createCorrectnessEvaluator(options: CorrectnessEvaluatorOptions): Evaluator {
  const scores = { ...DEFAULT_SCORES };
  for (const name of Object.values(CATEGORIES))
    scores[name] = checkUnitInterval(
      options.scores?.[name] ?? DEFAULT_SCORES[name],
      `scores.${name}`,
    );
  const template = createJudgeTemplate(options.promptTemplate ?? CORRECTNESS_PROMPT, [
    'question',
    'reference',
    'response',
  ]);
  return createJudgeEvaluator('correctness', options, {
    requires: ['reference'],
    heuristic: heuristicCorrectness,
    async judge(request, session) {
      const prompt = template.render({
        question: request.userText,
        reference: request.reference ?? '',
        response: request.response,
      });
      const { category, reason } = await session.structured([userMessage(prompt)], Verdict);
      const score = scores[CATEGORIES[category]];
      return {
        pass: score >= 0.5,
        score,
        feedback: `(${category}) ${CATEGORIES[category]}: ${reason}`,
        metadata: { category },
      };
    },
  });
}
