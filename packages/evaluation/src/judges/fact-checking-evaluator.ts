// Spring AI's FactCheckingEvaluator: is the claim (the response) supported by the document (the
// context)? Grounded factuality only, not closed-book knowledge. Spring passes on an exact,
// case-insensitive "yes"; we also forgive trailing punctuation ("Yes.") and call anything other
// than yes or no malformed instead of a silent fail.
import { userMessage } from '@repo/core';
import { contextText } from '../evaluator.js';
import type { Evaluator } from '../evaluator.js';
import { heuristicFactCheck } from './heuristic-judges.js';
import { BESPOKE_MINICHECK_PROMPT, FACT_CHECKING_PROMPT } from './judge-prompts.js';
import { createJudgeEvaluator, createJudgeTemplate, readYesNoVerdict } from './judges-support.js';
import type { JudgeOptions } from './judges-support.js';

export interface FactCheckingEvaluatorOptions extends JudgeOptions {
  /** `bespoke-minicheck` sends the bare Document/Claim prompt that model is trained on. */
  variant?: 'default' | 'bespoke-minicheck';
}

/** `promptTemplate` placeholders: `{document}`, `{claim}`. Needs a non-empty context. */
export function createFactCheckingEvaluator(options: FactCheckingEvaluatorOptions): Evaluator {
  const preset =
    options.variant === 'bespoke-minicheck' ? BESPOKE_MINICHECK_PROMPT : FACT_CHECKING_PROMPT;
  const template = createJudgeTemplate(options.promptTemplate ?? preset, ['document', 'claim']);
  return createJudgeEvaluator('fact-checking', options, {
    requires: ['context'],
    heuristic: heuristicFactCheck,
    async judge(request, session) {
      const prompt = template.render({
        document: contextText(request.context),
        claim: request.response,
      });
      return readYesNoVerdict(await session.text([userMessage(prompt)]), 'exact', {
        yes: 'The judge found the claim supported by the document.',
        no: 'The judge found the claim not supported by the document.',
      });
    },
  });
}
