// Every assertion type a suite may use: promptfoo's names where promptfoo has one, ours otherwise
// (`exact-match`, `f1`, `rouge-l`, `fact-check`). What each needs is checked when the suite loads,
// so a missing value or context is a file:line error, not a failed case halfway through a run.

export interface AssertionTypeInfo {
  /** What `value` must be. */
  value: 'none' | 'optional-schema' | 'string' | 'strings' | 'string-or-strings' | 'any';
  /** The threshold when none is given; `required` when the assertion has no sensible default. */
  threshold?: number | 'required';
  /** Needs `vars.context` (retrieved documents). */
  needsContext?: boolean;
  /** Needs a judge model (`judge`) or an embedding model (`embedding`). */
  grader?: 'judge' | 'embedding';
  summary: string;
}

export const ASSERTION_TYPES = {
  equals: {
    value: 'any',
    summary: 'output equals the value (JSON-equal when the value is an object)',
  },
  contains: { value: 'string', summary: 'output contains the value' },
  icontains: { value: 'string', summary: 'output contains the value, ignoring case' },
  'contains-any': { value: 'strings', summary: 'output contains at least one of the values' },
  'contains-all': { value: 'strings', summary: 'output contains every value' },
  'icontains-any': { value: 'strings', summary: 'contains-any, ignoring case' },
  'icontains-all': { value: 'strings', summary: 'contains-all, ignoring case' },
  'starts-with': { value: 'string', summary: 'output starts with the value' },
  regex: { value: 'string', summary: 'output matches the regular expression' },
  'is-json': {
    value: 'optional-schema',
    summary: 'output is JSON (valid against the schema if given)',
  },
  'contains-json': {
    value: 'optional-schema',
    summary: 'output contains JSON (valid against the schema if given)',
  },
  'exact-match': { value: 'string-or-strings', summary: 'SQuAD exact match against any reference' },
  f1: { value: 'string-or-strings', threshold: 0.5, summary: 'SQuAD token F1 ≥ threshold' },
  'rouge-n': {
    value: 'string',
    threshold: 0.75,
    summary: 'ROUGE-N F ≥ threshold (config.n, default 1)',
  },
  'rouge-l': { value: 'string', threshold: 0.5, summary: 'ROUGE-L F ≥ threshold' },
  bleu: { value: 'string-or-strings', threshold: 0.5, summary: 'sentence BLEU ≥ threshold' },
  levenshtein: { value: 'string', threshold: 5, summary: 'edit distance ≤ threshold' },
  similar: {
    value: 'string-or-strings',
    threshold: 0.75,
    grader: 'embedding',
    summary: 'embedding cosine similarity ≥ threshold',
  },
  latency: { value: 'none', threshold: 'required', summary: 'latency ≤ threshold milliseconds' },
  cost: { value: 'none', threshold: 'required', summary: 'cost ≤ threshold US dollars' },
  'llm-rubric': {
    value: 'string',
    grader: 'judge',
    summary: 'a judge grades the output against the rubric',
  },
  factuality: {
    value: 'string',
    grader: 'judge',
    summary: 'a judge compares the output with the reference answer (promptfoo categories A–E)',
  },
  'answer-relevance': {
    value: 'none',
    grader: 'judge',
    summary: "Spring AI's RelevancyEvaluator: is the answer in line with the question and context",
  },
  'context-faithfulness': {
    value: 'none',
    threshold: 0.8,
    needsContext: true,
    grader: 'judge',
    summary: 'share of the claims in the output supported by vars.context ≥ threshold',
  },
  'fact-check': {
    value: 'none',
    needsContext: true,
    grader: 'judge',
    summary: "Spring AI's FactCheckingEvaluator: is the output supported by vars.context",
  },
} as const satisfies Record<string, AssertionTypeInfo>;

export type AssertionType = keyof typeof ASSERTION_TYPES;

export const ASSERTION_TYPE_NAMES = Object.keys(ASSERTION_TYPES) as AssertionType[];

export function isAssertionType(type: string): type is AssertionType {
  return Object.hasOwn(ASSERTION_TYPES, type);
}

/** Splits promptfoo's `not-` prefix: `not-contains` → {type: 'contains', negate: true}. */
export function parseAssertionType(raw: string): { type: string; negate: boolean } {
  return raw.startsWith('not-')
    ? { type: raw.slice(4), negate: true }
    : { type: raw, negate: false };
}
