// For the agreement tests: a pairwise vote in one line, and the field an InvalidInputError names.
import type { PairwiseChoice, PairwiseVote } from '../pairwise-votes.js';

export function vote(
  item: string,
  annotator: string,
  shown: [string, string],
  choice: PairwiseChoice,
  durationMs?: number,
): PairwiseVote {
  const base = { item, annotator, shown, choice };
  return durationMs === undefined ? base : { ...base, durationMs };
}

/**
 * The field named by the InvalidInputError that `run` throws. Any other error is rethrown and a
 * call that throws nothing fails, so the test cannot pass by accident.
 */
export { invalidInputField } from '../../__fixtures__/invalid-input-field.js';
