// The reference metrics as assertions (SQuAD EM and F1, ROUGE, BLEU, Levenshtein), run in a worker
// thread like the text checks. Levenshtein names which side is over the metric's size limit: the
// output (a model wrote too much) or the value (the suite asks too much).
import { bleu } from '../metrics/bleu.js';
import { exactMatch, tokenF1 } from '../metrics/exact-match.js';
import { METRIC_LIMITS, requireSizeWithin } from '../metrics/metrics-errors.js';
import { rougeL, rougeN } from '../metrics/rouge.js';
import { levenshtein } from '../metrics/similarity.js';
import { atLeast, outcome, round, type OutputCheck } from './assertion-context.js';
import { strings } from './text-assertions.js';

export const METRIC_CHECKS: Record<string, OutputCheck> = {
  'exact-match': ({ value }, output) => {
    const score = exactMatch(output, strings(value));
    return outcome(
      score === 1,
      score === 1 ? 'exact match (SQuAD normalised)' : 'no exact match (SQuAD normalised)',
    );
  },
  f1: ({ value, threshold }, output) =>
    atLeast('token F1', tokenF1(output, strings(value)), threshold ?? 0.5),
  'rouge-n': ({ value, threshold, config }, output) => {
    const n = typeof config.n === 'number' ? config.n : 1;
    return atLeast(`ROUGE-${n} F`, rougeN(output, String(value), n).f, threshold ?? 0.75);
  },
  'rouge-l': ({ value, threshold }, output) =>
    atLeast('ROUGE-L F', rougeL(output, String(value)).f, threshold ?? 0.5),
  bleu: ({ value, threshold, config }, output) =>
    atLeast(
      'BLEU',
      bleu(output, strings(value), typeof config.maxN === 'number' ? { maxN: config.maxN } : {}),
      threshold ?? 0.5,
    ),
  levenshtein: ({ value, threshold }, output) => {
    const reference = String(value);
    const [outputLength, valueLength] = [[...output].length, [...reference].length];
    const limit = METRIC_LIMITS.maxEditDistanceLength;
    requireSizeWithin(outputLength, limit, 'characters', 'the output', 'levenshtein');
    requireSizeWithin(valueLength, limit, 'characters', 'the value', 'levenshtein');
    const distance = levenshtein(output, reference);
    const max = threshold ?? 5;
    return {
      pass: distance <= max,
      score: round(1 - distance / Math.max(outputLength, valueLength, 1)),
      method: 'metric',
      reason: `edit distance ${distance} ${distance <= max ? '≤' : '>'} ${max}`,
    };
  },
};
