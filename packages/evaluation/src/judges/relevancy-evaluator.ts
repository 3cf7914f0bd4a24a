// Spring AI's RelevancyEvaluator: is the response for the query in line with the context? The
// judge answers YES or NO; like Spring, a reply containing "yes" passes (score 1). A reply with
// neither "yes" nor "no" in it is malformed, where Spring would silently fail it.
import { userMessage } from '@repo/core';
import { contextText } from '../evaluator.js';
import type { Evaluator } from '../evaluator.js';
import { heuristicRelevancy } from './heuristic-judges.js';
import { RELEVANCY_PROMPT } from './judge-prompts.js';
import { createJudgeEvaluator, createJudgeTemplate, readYesNoVerdict } from './judges-support.js';
import type { JudgeOptions } from './judges-support.js';

/** `promptTemplate` placeholders: `{query}`, `{response}`, `{context}`. */
export function createRelevancyEvaluator(options: JudgeOptions): Evaluator {
  const template = createJudgeTemplate(options.promptTemplate ?? RELEVANCY_PROMPT, [
    'query',
    'response',
    'context',
  ]);
  return createJudgeEvaluator('relevancy', options, {
    heuristic: heuristicRelevancy,
    async judge(request, session) {
      const prompt = template.render({
        query: request.userText,
        response: request.response,
        context: contextText(request.context),
      });
      return readYesNoVerdict(await session.text([userMessage(prompt)]), 'contains', {
        yes: 'The judge found the response in line with the context.',
        no: 'The judge found the response not in line with the context.',
      });
    },
  });
}
