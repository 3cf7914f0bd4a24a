// The seed's EvaluationService: one model answers the question, another judges the answer with
// Spring AI's RelevancyEvaluator (YES/NO → pass, score 1 or 0). Unlike the seed, the context is not
// always empty: documents sent with the question go into the answer's prompt and the judge's, and
// an answer sent by the caller is judged as is. With the embedded model as judge, the evaluator's
// offline heuristic answers and says so (`method: 'heuristic'`).
import { Inject, Injectable } from '@nestjs/common';
import { systemMessage, userMessage, type ChatModel, type Message } from '@repo/core';
import { createRelevancyEvaluator, usesHeuristic, type EvaluationMethod } from '@repo/evaluation';
import { EvalModelsService } from '../common/eval-models.service.js';

export interface RelevancyInput {
  question: string;
  context?: string[];
  answer?: string;
}

export interface RelevancyVerdict {
  question: string;
  answer: string;
  pass: boolean;
  score: number;
  feedback: string;
  method: EvaluationMethod;
  /** The model that wrote the answer; null when the caller sent it. */
  answeredBy: { provider: string; model: string } | null;
  judge: { provider: string; model: string; heuristic: boolean };
}

const ANSWER_FROM_CONTEXT =
  'Answer the question from the context below. If the context does not hold the answer, say so.';

@Injectable()
export class RelevancyService {
  constructor(@Inject(EvalModelsService) private readonly models: EvalModelsService) {}

  async evaluate(input: RelevancyInput): Promise<RelevancyVerdict> {
    const written = input.answer === undefined ? await this.answer(input) : undefined;
    const answer = input.answer ?? written?.text ?? '';
    const judge = this.models.judge();
    const result = await createRelevancyEvaluator({ model: judge }).evaluate({
      userText: input.question,
      response: answer,
      context: input.context ?? [],
    });
    return {
      question: input.question,
      answer,
      pass: result.pass,
      score: result.score,
      feedback: result.feedback,
      method: result.method,
      answeredBy: written ? { provider: written.provider, model: written.model } : null,
      judge: describeJudge(judge),
    };
  }

  /** The seed sends the bare question; documents, when given, go into a system message. */
  private async answer(input: RelevancyInput) {
    const messages: Message[] = [userMessage(input.question)];
    if (input.context?.length)
      messages.unshift(
        systemMessage(`${ANSWER_FROM_CONTEXT}\n\nContext:\n${input.context.join('\n')}`),
      );
    return this.models.answerer().call({ messages });
  }
}

function describeJudge(model: ChatModel): RelevancyVerdict['judge'] {
  return { provider: model.provider, model: model.modelId, heuristic: usesHeuristic({ model }) };
}
