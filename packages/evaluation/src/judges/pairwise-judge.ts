// MT-Bench pairwise judging (FastChat `pair-v2`, `pair-math-v1` with a reference answer): which of
// two answers is better? Each pair is judged twice with the answers swapped, and a winner is kept
// only when both orders agree; otherwise the verdict is `inconsistent` (position bias or an
// unreadable reply), which FastChat counts as a tie and which a report should show as its own thing.
import { addUsage, systemMessage, userMessage } from '@repo/core';
import type { Usage } from '@repo/core';
import type { EvaluationMethod } from '../evaluator.js';
import { heuristicPairwise } from './heuristic-judges.js';
import {
  PAIRWISE_PROMPT,
  PAIRWISE_REFERENCE_PROMPT,
  PAIRWISE_REFERENCE_SYSTEM_PROMPT,
  PAIRWISE_SYSTEM_PROMPT,
} from './judge-prompts.js';
import { createJudgeSession, throwIfAborted } from './judge-session.js';
import { createJudgeTemplate, usesHeuristic } from './judges-support.js';
import type { JudgeOptions } from './judges-support.js';

/** One order's verdict, already mapped back to the caller's `a` and `b`. */
export type PairwiseChoice = 'a' | 'b' | 'tie' | 'invalid';

export interface PairwiseInput {
  question: string;
  a: string;
  b: string;
  /** Switches to the reference-guided prompt (math, code, facts). */
  reference?: string;
  signal?: AbortSignal;
}

export interface PairwiseVerdict {
  winner: 'a' | 'b' | 'tie' | 'inconsistent';
  /** The verdict with `a` shown first, then with `b` shown first. */
  verdicts: [first: PairwiseChoice, second: PairwiseChoice];
  method: Extract<EvaluationMethod, 'model' | 'heuristic'>;
  feedback: string;
  /** The judge's two replies, in the order of `verdicts`. */
  raw?: [string, string];
  usage?: Usage;
}

export interface PairwiseJudge {
  compare(input: PairwiseInput): Promise<PairwiseVerdict>;
}

const PLACEHOLDERS = ['question', 'answer_a', 'answer_b', 'reference'];

/** `promptTemplate` replaces the user message (both variants): `{question}`, `{answer_a}`, `{answer_b}`, `{reference}`. */
export function createPairwiseJudge(options: JudgeOptions): PairwiseJudge {
  const heuristic = usesHeuristic(options);
  const custom =
    options.promptTemplate && createJudgeTemplate(options.promptTemplate, PLACEHOLDERS);
  const plain = custom || createJudgeTemplate(PAIRWISE_PROMPT, PLACEHOLDERS);
  const guided = custom || createJudgeTemplate(PAIRWISE_REFERENCE_PROMPT, PLACEHOLDERS);

  return {
    async compare(input) {
      throwIfAborted(input.signal);
      const reference = input.reference?.trim() ? input.reference : undefined;
      if (heuristic) {
        const { winner, feedback } = heuristicPairwise({ ...input, reference });
        return { winner, verdicts: [winner, winner], method: 'heuristic', feedback };
      }
      const system =
        reference === undefined ? PAIRWISE_SYSTEM_PROMPT : PAIRWISE_REFERENCE_SYSTEM_PROMPT;
      const template = reference === undefined ? plain : guided;
      const ask = async (answerA: string, answerB: string) => {
        const session = createJudgeSession(options, input.signal);
        const prompt = template.render({
          question: input.question,
          answer_a: answerA,
          answer_b: answerB,
          reference: reference ?? '',
        });
        const reply = await session.text([systemMessage(system), userMessage(prompt)]);
        return { reply, usage: session.usage };
      };
      // Both orders at once: the second call does not depend on the first.
      const [original, swapped] = await Promise.all([ask(input.a, input.b), ask(input.b, input.a)]);
      const verdicts: [PairwiseChoice, PairwiseChoice] = [
        readVerdict(original.reply, false),
        readVerdict(swapped.reply, true),
      ];
      const [first, second] = verdicts;
      return {
        winner: first === second && first !== 'invalid' ? first : 'inconsistent',
        verdicts,
        method: 'model',
        feedback: describeVerdicts(first, second),
        raw: [original.reply, swapped.reply],
        usage: addUsage(original.usage, swapped.usage),
      };
    },
  };
}

// The last `[[X]]` counts: the verdict comes after the explanation, which may quote the format.
function readVerdict(reply: string, swapped: boolean): PairwiseChoice {
  const mark = [...reply.matchAll(/\[\[([ABC])\]\]/g)].at(-1)?.[1];
  if (mark === undefined) return 'invalid';
  if (mark === 'C') return 'tie';
  return (mark === 'A') !== swapped ? 'a' : 'b';
}

const LABELS: Record<PairwiseChoice, string> = {
  a: 'A is better',
  b: 'B is better',
  tie: 'a tie',
  invalid: 'no readable [[A]]/[[B]]/[[C]] verdict',
};

function describeVerdicts(first: PairwiseChoice, second: PairwiseChoice): string {
  if (first === second && first !== 'invalid') return `Both orders agree: ${LABELS[first]}.`;
  return `Inconsistent: with A shown first, ${LABELS[first]}; with B shown first, ${LABELS[second]}.`;
}
