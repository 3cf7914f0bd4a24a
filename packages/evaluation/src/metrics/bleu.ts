// Sentence BLEU (Papineni et al. 2002) over `tokenizeWords` tokens (lowercased, punctuation
// dropped, Chinese per character): uniform weights over 1..maxN-grams, counts clipped to the most any one reference has, and a brevity penalty against the reference
// whose length is closest to the candidate's (ties go to the shorter one, as in NLTK and sacrebleu).
//
// Smoothing: a single sentence often has no matching 4-gram, and unsmoothed BLEU is then 0
// however good the rest is. The default 'add-one' is Lin & Och (2004)'s: add 1 to the matches and
// to the total of every order n >= 2, unigrams untouched. It is NLTK's `method2` and sacrebleu's
// `add-k` with k = 1, so values can be checked against either. 'none' is Papineni's formula: any
// order without a match (or without a candidate n-gram at all) makes the score 0.
import { tokenizeWords } from '../text-tokens.js';
import { listReferences } from './exact-match.js';
import { requireNgramOrder } from './metrics-errors.js';
import { countNgrams, countOverlap } from './rouge.js';

export interface BleuOptions {
  /** Highest n-gram order, weighted 1/maxN each, at most METRIC_LIMITS.maxNgramOrder. Default 4. */
  maxN?: number;
  /** Default 'add-one' (see the header). */
  smoothing?: 'none' | 'add-one';
}

/** BLEU of one candidate against one or more references, 0..1. Empty candidate or no references → 0. */
export function bleu(
  candidate: string,
  references: string | readonly string[],
  options: BleuOptions = {},
): number {
  const maxN = options.maxN ?? 4;
  requireNgramOrder(maxN, 'maxN', 'BLEU');
  const smoothing = options.smoothing ?? 'add-one';
  const candidateTokens = tokenizeWords(candidate);
  const referenceTokens = listReferences(references).map((reference) => tokenizeWords(reference));
  if (candidateTokens.length === 0 || referenceTokens.length === 0) return 0;

  let logPrecisionSum = 0;
  for (let n = 1; n <= maxN; n++) {
    const referenceCounts = mergeMaxCounts(referenceTokens.map((tokens) => countNgrams(tokens, n)));
    let matches = countOverlap(countNgrams(candidateTokens, n), referenceCounts);
    let total = Math.max(0, candidateTokens.length - n + 1);
    if (smoothing === 'add-one' && n >= 2) {
      matches += 1;
      total += 1;
    }
    if (matches === 0) return 0;
    logPrecisionSum += Math.log(matches / total);
  }
  const penalty = computeBrevityPenalty(
    candidateTokens.length,
    pickClosestLength(candidateTokens.length, referenceTokens),
  );
  return penalty * Math.exp(logPrecisionSum / maxN);
}

/** BP = 1 when the candidate is longer than the reference, else exp(1 − r/c). */
function computeBrevityPenalty(candidateLength: number, referenceLength: number): number {
  return candidateLength > referenceLength ? 1 : Math.exp(1 - referenceLength / candidateLength);
}

function pickClosestLength(
  candidateLength: number,
  references: readonly (readonly string[])[],
): number {
  let closest = Infinity;
  for (const { length } of references) {
    const distance = Math.abs(length - candidateLength);
    const closestDistance = Math.abs(closest - candidateLength);
    if (distance < closestDistance || (distance === closestDistance && length < closest))
      closest = length;
  }
  return closest;
}

/** Per n-gram, the highest count in any one reference: the clip of "modified precision". */
function mergeMaxCounts(counts: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const referenceCounts of counts) {
    for (const [key, count] of referenceCounts)
      merged.set(key, Math.max(merged.get(key) ?? 0, count));
  }
  return merged;
}
