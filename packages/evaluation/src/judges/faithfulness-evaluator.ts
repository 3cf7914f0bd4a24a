// ragas faithfulness: the share of the response's claims that the retrieved context supports. Two
// judge calls: the model lists the claims, then verifies all of them against the context at once
// (ragas's two steps, without a call per claim).
import { userMessage } from '@repo/core';
import { z } from 'zod';
import { contextText } from '../evaluator.js';
import type { Evaluator } from '../evaluator.js';
import { heuristicFaithfulness } from './heuristic-judges.js';
import { FAITHFULNESS_CLAIMS_PROMPT, FAITHFULNESS_VERDICTS_PROMPT } from './judge-prompts.js';
import {
  checkUnitInterval,
  createJudgeEvaluator,
  createJudgeTemplate,
  quote,
  UnreadableReplyError,
} from './judges-support.js';
import type { JudgeOptions } from './judges-support.js';

export interface FaithfulnessEvaluatorOptions extends JudgeOptions {
  /** Pass when the supported share reaches this (default 0.8). */
  threshold?: number;
  /** Replaces the claims prompt; placeholders `{question}`, `{response}`. */
  claimsPromptTemplate?: string;
}

const Claims = z.object({ claims: z.array(z.string()) });
// The reason comes before the verdict: a judge that writes its verdict first has not reasoned yet.
const Verdicts = z.object({
  verdicts: z.array(z.object({ claim: z.string(), reason: z.string(), supported: z.boolean() })),
});

/** `promptTemplate` replaces the verification prompt: `{context}`, `{claims}`. Needs a non-empty context. */
export function createFaithfulnessEvaluator(options: FaithfulnessEvaluatorOptions): Evaluator {
  const threshold = checkUnitInterval(options.threshold ?? 0.8, 'threshold');
  const claimsTemplate = createJudgeTemplate(
    options.claimsPromptTemplate ?? FAITHFULNESS_CLAIMS_PROMPT,
    ['question', 'response'],
    'claimsPromptTemplate',
  );
  const verdictsTemplate = createJudgeTemplate(
    options.promptTemplate ?? FAITHFULNESS_VERDICTS_PROMPT,
    ['context', 'claims'],
  );
  return createJudgeEvaluator('faithfulness', options, {
    requires: ['context'],
    heuristic: (request) => heuristicFaithfulness(request, threshold),
    async judge(request, session) {
      const claimsPrompt = claimsTemplate.render({
        question: request.userText,
        response: request.response,
      });
      const { claims } = await session.structured([userMessage(claimsPrompt)], Claims);
      if (claims.length === 0)
        return {
          pass: true,
          score: 1,
          feedback: 'The response makes no factual claims to check.',
          metadata: { claims },
        };
      const verdictsPrompt = verdictsTemplate.render({
        context: contextText(request.context),
        claims: claims.map((claim, index) => `${index + 1}. ${claim}`).join('\n'),
      });
      const { verdicts } = await session.structured([userMessage(verdictsPrompt)], Verdicts);
      // Verdicts are matched to claims by position, so a missing or extra one would shift them all.
      if (verdicts.length !== claims.length)
        throw new UnreadableReplyError(
          `${claims.length} claims were sent but ${verdicts.length} verdicts came back.`,
        );
      const unsupported = claims.filter((_, index) => verdicts[index]?.supported !== true);
      const score = (claims.length - unsupported.length) / claims.length;
      const supported = `${claims.length - unsupported.length} of ${claims.length} claims are supported by the context`;
      const missing =
        unsupported.length > 0 ? `; not supported: ${unsupported.map(quote).join(', ')}` : '';
      return {
        pass: score >= threshold,
        score,
        feedback: `${supported}${missing}.`,
        metadata: { claims, verdicts, unsupportedClaims: unsupported },
      };
    },
  });
}
