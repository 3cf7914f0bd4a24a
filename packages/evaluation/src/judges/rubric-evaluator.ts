// promptfoo's `llm-rubric`: the judge grades the response against a rubric written in plain words
// and returns {reason, score, pass}. All three are required: promptfoo counts a reply without
// `pass` as a pass, which turns a confused judge into a green test.
import { InvalidInputError, userMessage } from '@repo/core';
import { z } from 'zod';
import type { Evaluator } from '../evaluator.js';
import { heuristicRubric } from './heuristic-judges.js';
import { RUBRIC_PROMPT } from './judge-prompts.js';
import { checkUnitInterval, createJudgeEvaluator, createJudgeTemplate } from './judges-support.js';
import type { JudgeOptions } from './judges-support.js';

export interface RubricEvaluatorOptions extends JudgeOptions {
  rubric: string;
  /** When set, pass = score ≥ threshold and the judge's own `pass` is only recorded. */
  threshold?: number;
}

const Grade = z.object({ reason: z.string(), score: z.number().min(0).max(1), pass: z.boolean() });

/** `promptTemplate` placeholders: `{output}` (the response), `{rubric}`, `{question}`. */
export function createRubricEvaluator(options: RubricEvaluatorOptions): Evaluator {
  const { rubric, threshold } = options;
  if (typeof rubric !== 'string' || rubric.trim() === '')
    throw new InvalidInputError('The rubric judge needs a non-empty rubric.', [
      { field: 'rubric', reason: 'is required' },
    ]);
  if (threshold !== undefined) checkUnitInterval(threshold, 'threshold');
  const template = createJudgeTemplate(options.promptTemplate ?? RUBRIC_PROMPT, [
    'output',
    'rubric',
    'question',
  ]);
  return createJudgeEvaluator('rubric', options, {
    heuristic: (request) => heuristicRubric(request, rubric, threshold),
    async judge(request, session) {
      const prompt = template.render({
        output: request.response,
        rubric,
        question: request.userText,
      });
      const grade = await session.structured([userMessage(prompt)], Grade);
      return {
        pass: threshold === undefined ? grade.pass : grade.score >= threshold,
        score: grade.score,
        feedback: grade.reason,
        metadata: { judgePass: grade.pass },
      };
    },
  });
}
