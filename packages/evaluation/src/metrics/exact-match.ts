// SQuAD's exact match and token F1 (the official evaluate-v2.0 script): answers are normalised
// (lowercase, no punctuation, no articles), F1 counts shared tokens as a multiset, and with several
// gold answers the best one counts. Tokens come from `tokenize`, so Chinese is compared per
// character, the usual convention for Chinese reading-comprehension sets.
import { normalizeAnswer, tokenize } from '../text-tokens.js';
import { countNgrams, countOverlap, scoreOverlap } from './rouge.js';

/** 1 when the normalised prediction equals a normalised reference, else 0. No references → 0. */
export function exactMatch(prediction: string, references: string | readonly string[]): number {
  const normalized = normalizeAnswer(prediction);
  return listReferences(references).some((reference) => normalizeAnswer(reference) === normalized)
    ? 1
    : 0;
}

/** Token F1, the best over the references. No references → 0. */
export function tokenF1(prediction: string, references: string | readonly string[]): number {
  const predictionTokens = tokenize(prediction);
  let best = 0;
  for (const reference of listReferences(references)) {
    best = Math.max(best, scoreTokenF1(predictionTokens, tokenize(reference)));
  }
  return best;
}

/** One reference or several, as a list. */
export function listReferences(references: string | readonly string[]): readonly string[] {
  return typeof references === 'string' ? [references] : references;
}

function scoreTokenF1(prediction: readonly string[], reference: readonly string[]): number {
  // SQuAD 2.0: an unanswerable question's gold answer is empty, and only an empty prediction matches it.
  if (prediction.length === 0 || reference.length === 0)
    return prediction.length === reference.length ? 1 : 0;
  const overlap = countOverlap(countNgrams(prediction, 1), countNgrams(reference, 1));
  return scoreOverlap(overlap, prediction.length, reference.length).f;
}
