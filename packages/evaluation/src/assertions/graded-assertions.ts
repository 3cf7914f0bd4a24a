// Model-graded assertions: the judges (Spring AI's relevancy and fact-checking evaluators,
// faithfulness, promptfoo's factuality and llm-rubric) and embedding similarity. With the embedded
// model as grader, judges answer with their documented heuristics and say so (`method`).
import type { EvaluationRequest, Evaluator } from '../evaluator.js';
import { createCorrectnessEvaluator } from '../judges/correctness-evaluator.js';
import { createFactCheckingEvaluator } from '../judges/fact-checking-evaluator.js';
import { createFaithfulnessEvaluator } from '../judges/faithfulness-evaluator.js';
import { createRelevancyEvaluator } from '../judges/relevancy-evaluator.js';
import { createRubricEvaluator } from '../judges/rubric-evaluator.js';
import { cosineSimilarity } from '../metrics/similarity.js';
import { atLeast, type AssertionCheck, type AssertionContext } from './assertion-context.js';
import type { SuiteAssertion } from '../suite/eval-suite.js';

type JudgeFactory = (
  assertion: SuiteAssertion,
  judge: {
    model: ReturnType<AssertionContext['graders']['judge']>;
    heuristic: AssertionContext['graders']['heuristic'];
  },
) => Evaluator;

function judged(create: JudgeFactory, reference = false): AssertionCheck {
  return async (assertion, context) => {
    const evaluator = create(assertion, {
      model: context.graders.judge(assertion.grader.text),
      heuristic: context.graders.heuristic,
    });
    const request: EvaluationRequest = {
      userText: context.userText,
      response: context.output,
      context: context.context,
      signal: context.signal,
      ...(reference ? { reference: String(assertion.value) } : {}),
    };
    const result = await evaluator.evaluate(request);
    return {
      pass: result.pass,
      score: result.score,
      reason: result.feedback,
      method: result.method,
    };
  };
}

export const GRADED_CHECKS: Record<string, AssertionCheck> = {
  'llm-rubric': judged((assertion, judge) =>
    createRubricEvaluator({
      ...judge,
      rubric: String(assertion.value),
      threshold: assertion.threshold,
    }),
  ),
  factuality: judged((_, judge) => createCorrectnessEvaluator(judge), true),
  'answer-relevance': judged((_, judge) => createRelevancyEvaluator(judge)),
  'context-faithfulness': judged((assertion, judge) =>
    createFaithfulnessEvaluator({ ...judge, threshold: assertion.threshold }),
  ),
  'fact-check': judged((_, judge) => createFactCheckingEvaluator(judge)),
  similar: async ({ value, threshold, grader }, { output, graders, signal }) => {
    const model = graders.embedding(grader.embedding);
    const references = Array.isArray(value) ? value.map(String) : [String(value)];
    const { embeddings } = await model.embed({ input: [output, ...references], signal });
    const [first, ...rest] = embeddings;
    const best = Math.max(...rest.map((vector) => cosineSimilarity(first ?? [], vector)));
    // The embedded model's vectors are hashed word features: a lexical overlap, not meaning.
    return atLeast(
      'cosine similarity',
      best,
      threshold ?? 0.75,
      model.provider === 'local' ? 'heuristic' : 'metric',
    );
  },
};
