// ROUGE-N and ROUGE-L (Lin 2004) over `tokenizeWords` tokens: lowercased, punctuation dropped,
// articles kept (as rouge-score does, and unlike SQuAD's EM/F1), Chinese scored per character.
// The n-gram helpers here are shared with token F1 and BLEU, the same clipped-overlap count.
import { tokenizeWords } from '../text-tokens.js';
import { METRIC_LIMITS, requireNgramOrder, requireSizeWithin } from './metrics-errors.js';

export interface RougeScore {
  precision: number;
  recall: number;
  f: number;
}

export interface RougeOptions {
  /** Weight of recall against precision in F (Lin's β); 1 is the harmonic mean. */
  beta?: number;
}

/**
 * ROUGE-L: longest common subsequence; P = LCS/|candidate|, R = LCS/|reference|. Each text may have
 * at most METRIC_LIMITS.maxLcsTokens tokens (MetricInputError beyond): the cost is |a|·|b|.
 */
export function rougeL(
  candidate: string,
  reference: string,
  options: RougeOptions = {},
): RougeScore {
  const candidateTokens = tokenizeWords(candidate);
  const referenceTokens = tokenizeWords(reference);
  const limit = METRIC_LIMITS.maxLcsTokens;
  requireSizeWithin(candidateTokens.length, limit, 'tokens', 'candidate', 'ROUGE-L');
  requireSizeWithin(referenceTokens.length, limit, 'tokens', 'reference', 'ROUGE-L');
  const lcs = measureLongestCommonSubsequence(candidateTokens, referenceTokens);
  return scoreOverlap(lcs, candidateTokens.length, referenceTokens.length, options.beta ?? 1);
}

/** ROUGE-N: n-gram overlap, each n-gram counted at most as often as the reference has it. */
export function rougeN(candidate: string, reference: string, n = 1): RougeScore {
  requireNgramOrder(n, 'n', 'ROUGE-N');
  const candidateCounts = countNgrams(tokenizeWords(candidate), n);
  const referenceCounts = countNgrams(tokenizeWords(reference), n);
  const overlap = countOverlap(candidateCounts, referenceCounts);
  return scoreOverlap(overlap, sumCounts(candidateCounts), sumCounts(referenceCounts));
}

/** Multiset of the n-grams in `tokens` (tokens hold no spaces, so a space-joined key is unique). */
export function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start + n <= tokens.length; start++) {
    const key = tokens.slice(start, start + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Σ min(candidate count, reference count): the "clipped" matches of BLEU, ROUGE-N and F1. */
export function countOverlap(
  candidate: ReadonlyMap<string, number>,
  reference: ReadonlyMap<string, number>,
): number {
  let overlap = 0;
  for (const [key, count] of candidate) overlap += Math.min(count, reference.get(key) ?? 0);
  return overlap;
}

/** P, R and F = (1+β²)RP / (R+β²P) from a match count; 0 everywhere when nothing matches. */
export function scoreOverlap(
  overlap: number,
  candidateLength: number,
  referenceLength: number,
  beta = 1,
): RougeScore {
  if (overlap === 0) return { precision: 0, recall: 0, f: 0 };
  const precision = overlap / candidateLength;
  const recall = overlap / referenceLength;
  const betaSquared = beta * beta;
  const f = ((1 + betaSquared) * recall * precision) / (recall + betaSquared * precision);
  return { precision, recall, f };
}

function sumCounts(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

// Two rows of the classic DP table: O(|a|·|b|) time, O(|b|) memory.
function measureLongestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const tokenA of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        tokenA === b[j - 1]
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
