// What a feedback row may name: responses that were recorded, and for comparisons responses to one
// prompt (a preference between answers to different prompts is not a training pair). Returns the
// shared prompt hash, which groups ratings by prompt in exports.
import type { FeedbackKind } from './feedback-types.js';
import { FieldChecks } from './field-checks.js';
import type { feedbackTargets } from './sql-schema.js';
import { notFound } from './store-errors.js';
import type { NormalizedFeedback } from './validate-feedback.js';

const FIELD_OF: Record<FeedbackKind, string> = {
  thumbs: 'targetId',
  rating: 'targetId',
  correction: 'targetId',
  pairwise: 'shown',
  ranking: 'ranking',
};

type TargetRow = Pick<typeof feedbackTargets.$inferSelect, 'responseId' | 'promptHash' | 'answer'>;

export function checkReferences(input: NormalizedFeedback, targets: TargetRow[]): string {
  const field = FIELD_OF[input.kind];
  const byId = new Map(targets.map((target) => [target.responseId, target]));
  const found = input.responseIds.map((id) => byId.get(id) ?? missing(field, id));
  const checks = new FieldChecks();
  const prompts = new Set(found.map((target) => target.promptHash));
  if (prompts.size > 1) checks.fail(field, 'must name answers to the same prompt');
  const [first] = found;
  // A "correction" equal to the answer teaches nothing and would pass as an SFT example of it.
  if (input.kind === 'correction' && first && input.value.text === first.answer)
    checks.fail('text', 'must differ from the answer it corrects');
  checks.throwIfInvalid('feedback');
  return first?.promptHash ?? '';
}

function missing(field: string, responseId: string): never {
  throw notFound(field, responseId);
}
