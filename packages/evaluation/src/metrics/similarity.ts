// Vector and string similarity: cosine for embeddings (OpenAI's text_similarity `cosine`), and
// Levenshtein edit distance for fuzzy string checks.
import { METRIC_LIMITS, MetricInputError, requireSizeWithin } from './metrics-errors.js';

/** a·b / (|a||b|), -1..1. A zero vector has no direction, so its similarity is 0. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) {
    throw new MetricInputError(`Vectors have different lengths: ${a.length} and ${b.length}`, [
      { field: 'b', reason: `must have ${a.length} dimensions like a, has ${b.length}` },
    ]);
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  return dot / Math.sqrt(normA * normB);
}

/**
 * Insertions, deletions and substitutions to turn a into b. Counted per code point, not per UTF-16
 * unit, so each Chinese character or emoji is one edit. Each text may have at most
 * METRIC_LIMITS.maxEditDistanceLength code points (MetricInputError beyond): the cost is |a|·|b|.
 */
export function levenshtein(a: string, b: string): number {
  const source = Array.from(a);
  const target = Array.from(b);
  const limit = METRIC_LIMITS.maxEditDistanceLength;
  requireSizeWithin(source.length, limit, 'characters', 'a', 'levenshtein');
  requireSizeWithin(target.length, limit, 'characters', 'b', 'levenshtein');
  let previous = Array.from({ length: target.length + 1 }, (_, j) => j);
  for (let i = 1; i <= source.length; i++) {
    const current = [i];
    for (let j = 1; j <= target.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (source[i - 1] === target[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[target.length] ?? 0;
}
