// The judge and embedding models a suite's model-graded assertions need, resolved before the run
// starts (a grader that is not configured is a setup error, not a failed case per row).
import type { ChatModel, EmbeddingModel } from '@repo/core';
import { ASSERTION_TYPES, isAssertionType } from '../assertions/assertion-types.js';
import type { Graders } from '../assertions/assertion-context.js';
import type { EvalRun } from '../eval-run.js';
import { usesHeuristic } from '../judges/judges-support.js';
import type { EvalSuite } from '../suite/eval-suite.js';
import type { ModelResolver } from './resolve-models.js';

export interface ResolvedGraders {
  forAssertions: Graders;
  /** The default judge, for the run's header; undefined when no assertion needs a judge. */
  judgeInfo: EvalRun['judge'];
}

export function resolveGraders(
  suite: EvalSuite,
  models: ModelResolver,
  options: { judge?: string; embedding?: string; heuristic?: 'auto' | 'always' | 'never' },
): ResolvedGraders {
  const heuristic = options.heuristic ?? 'auto';
  const judges = new Map<string, ChatModel>();
  const embeddings = new Map<string, EmbeddingModel>();
  const judgeId = (id?: string) => id ?? options.judge ?? '';
  const embeddingId = (id?: string) => id ?? options.embedding ?? '';
  let judgeInfo: EvalRun['judge'];
  for (const test of suite.tests)
    for (const assertion of test.assert) {
      const kind = isAssertionType(assertion.type)
        ? (ASSERTION_TYPES[assertion.type] as { grader?: string }).grader
        : undefined;
      if (kind === 'judge') {
        const id = judgeId(assertion.grader.text);
        if (!judges.has(id)) judges.set(id, models.chat(id || undefined));
        const model = judges.get(id)!;
        judgeInfo ??= {
          provider: model.provider,
          model: model.modelId,
          heuristic: usesHeuristic({ model, heuristic }),
        };
      } else if (kind === 'embedding') {
        const id = embeddingId(assertion.grader.embedding);
        if (!embeddings.has(id)) embeddings.set(id, models.embedding(id || undefined));
      }
    }
  return {
    judgeInfo,
    forAssertions: {
      heuristic,
      judge: (id) => judges.get(judgeId(id))!,
      embedding: (id) => embeddings.get(embeddingId(id))!,
    },
  };
}
