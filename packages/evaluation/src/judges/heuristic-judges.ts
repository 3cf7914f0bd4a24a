// Offline stand-ins for the judges, for the embedded `local` model (which cannot judge) and for
// runs without a judge model. Word overlap, not understanding: they catch an answer that ignores
// its context or reference, and miss a fluent paraphrase or a negation. Tokens come from
// `text-tokens` (each Chinese / Japanese character one token, stop words dropped), so they work
// for Chinese too. Every result says `method: 'heuristic'` and its feedback starts with
// HEURISTIC_PREFIX. Overlaps count distinct tokens, so repeating a word earns nothing.
import { tokenF1 } from '../metrics/exact-match.js';
import { contextText } from '../evaluator.js';
import type { EvaluationRequest, EvaluationResult } from '../evaluator.js';
import { contentTokens, splitSentences, tokenize } from '../text-tokens.js';
import { HEURISTIC_PREFIX, quote } from './judges-support.js';

// "Based on the context:" / "根据上下文：" say where an answer came from; they are not claims, and
// counting their words would fail a faithful Chinese answer (five characters absent from the
// context in a ten-character sentence).
const ATTRIBUTION = [
  /^\s*(?:based on|according to|per)\s+(?:the\s+)?(?:provided\s+|given\s+|above\s+)?(?:context|documents?|information|sources?|passages?)(?:\s+(?:provided|given|above))?\s*[,:，：]\s*/i,
  /^\s*(?:根据|依据|基于|按照)(?:提供的|给定的|以上|上述)?(?:上下文|资料|文档|参考资料|信息|内容)[，,：:]?\s*/,
];

/** `text` without a leading attribution phrase ("According to the context, …", "根据上下文：…"). */
export function withoutAttribution(text: string): string {
  return ATTRIBUTION.reduce((rest, pattern) => rest.replace(pattern, ''), text);
}

/**
 * Share of `text`'s distinct content tokens found in `pool` (0 when `text` has none). `pool` may be
 * its tokens already, for a caller checking many texts against one context.
 */
export function tokenCoverage(
  text: string,
  pool: string | ReadonlySet<string>,
): { found: number; total: number; share: number } {
  const tokens = new Set(contentTokens(text));
  const available = typeof pool === 'string' ? new Set(tokenize(pool)) : pool;
  const found = [...tokens].filter((token) => available.has(token)).length;
  return { found, total: tokens.size, share: tokens.size === 0 ? 0 : found / tokens.size };
}

function heuristicResult(
  score: number,
  threshold: number,
  finding: string,
  metadata?: Record<string, unknown>,
): EvaluationResult {
  return {
    pass: score >= threshold,
    score,
    method: 'heuristic',
    feedback: `${HEURISTIC_PREFIX}${finding} (score ${formatScore(score)}, pass at ${formatScore(threshold)}).`,
    ...(metadata ? { metadata } : {}),
  };
}

const formatScore = (score: number) => String(Math.round(score * 100) / 100);
const share = ({ found, total }: { found: number; total: number }) => `${found} of ${total}`;

/**
 * Relevancy. With context (a leading "Based on the context:" set aside, as in the other context judges): the share of the response's content tokens found in the context (does
 * the answer stay within what was retrieved?). Without context: the share of the question's content
 * tokens found in the response (does it address the question?). Pass at 0.5.
 */
export function heuristicRelevancy(request: EvaluationRequest): EvaluationResult {
  const context = contextText(request.context);
  if (context.trim() !== '') {
    const coverage = tokenCoverage(withoutAttribution(request.response), context);
    return heuristicResult(
      coverage.share,
      0.5,
      `${share(coverage)} content words of the response appear in the context`,
    );
  }
  const coverage = tokenCoverage(request.userText, request.response);
  return heuristicResult(
    coverage.share,
    0.5,
    `${share(coverage)} content words of the question appear in the response (no context given)`,
  );
}

/** Fact-checking: the share of the claim's (the response's) content tokens found in the document. Pass at 0.6. */
export function heuristicFactCheck(request: EvaluationRequest): EvaluationResult {
  const coverage = tokenCoverage(
    withoutAttribution(request.response),
    contextText(request.context),
  );
  return heuristicResult(
    coverage.share,
    0.6,
    `${share(coverage)} content words of the claim appear in the document`,
  );
}

/**
 * Faithfulness: each sentence of the response (`splitSentences`) is a claim, supported when at
 * least 0.6 of its content tokens appear in the context. Score = supported / claims; pass at the
 * evaluator's threshold. No sentences: score 1, nothing to contradict the context.
 */
export function heuristicFaithfulness(
  request: EvaluationRequest,
  threshold: number,
): EvaluationResult {
  const context = contextText(request.context);
  const claims = splitSentences(request.response)
    .map(withoutAttribution)
    .filter((claim) => claim !== '');
  if (claims.length === 0)
    return heuristicResult(1, threshold, 'the response makes no claims to check');
  // The context is tokenised once: per claim, a long answer against a long context was quadratic.
  const contextTokens = new Set(tokenize(context));
  const unsupported = claims.filter((claim) => tokenCoverage(claim, contextTokens).share < 0.6);
  const score = (claims.length - unsupported.length) / claims.length;
  const finding = `${claims.length - unsupported.length} of ${claims.length} sentences are mostly made of context words`;
  const missing =
    unsupported.length > 0 ? `; not supported: ${unsupported.map(quote).join(', ')}` : '';
  return heuristicResult(score, threshold, finding + missing, { unsupportedClaims: unsupported });
}

/** Correctness: SQuAD token F1 between the response and the reference. Pass at 0.5. */
export function heuristicCorrectness(request: EvaluationRequest): EvaluationResult {
  const score = tokenF1(request.response, request.reference ?? '');
  return heuristicResult(score, 0.5, 'token F1 of the response against the reference');
}

/** Rubric: the share of the rubric's content tokens present in the response. Pass at the threshold, else 0.5. */
export function heuristicRubric(
  request: EvaluationRequest,
  rubric: string,
  threshold = 0.5,
): EvaluationResult {
  const coverage = tokenCoverage(rubric, request.response);
  return heuristicResult(
    coverage.share,
    threshold,
    `${share(coverage)} content words of the rubric appear in the response`,
  );
}

/**
 * Pairwise: each answer's token F1 against the reference, or without one the share of the
 * question's content tokens it contains; scores within 0.05 of each other are a tie.
 */
export function heuristicPairwise(input: {
  question: string;
  a: string;
  b: string;
  reference?: string;
}): {
  winner: 'a' | 'b' | 'tie';
  feedback: string;
} {
  const { reference } = input;
  const score = (answer: string) =>
    reference === undefined
      ? tokenCoverage(input.question, answer).share
      : tokenF1(answer, reference);
  const [a, b] = [score(input.a), score(input.b)];
  const winner = Math.abs(a - b) <= 0.05 ? 'tie' : a > b ? 'a' : 'b';
  const measure =
    reference === undefined ? 'question words covered' : 'token F1 against the reference';
  const outcome = winner === 'tie' ? 'a tie (within 0.05)' : `${winner.toUpperCase()} wins`;
  return {
    winner,
    feedback: `${HEURISTIC_PREFIX}A scores ${formatScore(a)}, B ${formatScore(b)} (${measure}): ${outcome}.`,
  };
}
