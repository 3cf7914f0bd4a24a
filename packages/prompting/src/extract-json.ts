// Tolerant JSON extraction from a model's answer: what Spring AI's BeanOutputConverter should
// have done (docs/pain-points.md P7). Reasoning blocks and fences go, then the first balanced object or array
// that parses wins. Braces are matched by a string-aware scanner, never by a regex.

export type JsonExtractionFailureReason = 'empty' | 'no_json' | 'unterminated' | 'invalid_json';

export type JsonExtractionResult =
  | { success: true; value: unknown; /** The JSON text that was parsed. */ json: string }
  | { success: false; reason: JsonExtractionFailureReason; message: string };

const THINK_BLOCK = /<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi;
// A reasoning block whose opening tag the provider already stripped: drop everything up to it.
const ORPHAN_THINK_END = /^[\s\S]*?<\/(?:think|thinking|reasoning)>/i;
const UNCLOSED_THINK = /<(?:think|thinking|reasoning)>[\s\S]*$/i;
const FENCE = /```[\w-]*[^\S\n]*\n?([\s\S]*?)```/g;
const SMART_DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036]/g;
const CLOSERS: Record<string, string> = { '{': '}', '[': ']' };

/** Removes `<think>…</think>` / `<thinking>…</thinking>` blocks, closed or not. */
export function stripReasoning(text: string): string {
  return text.replace(THINK_BLOCK, '').replace(ORPHAN_THINK_END, '').replace(UNCLOSED_THINK, '');
}

/** Index just past the bracket that closes the one at `start`, or -1 (unterminated or mismatched). */
export function findClosingBracket(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text.charAt(i);
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') stack.push(CLOSERS[char] ?? '');
    else if (char === '}' || char === ']') {
      if (stack.pop() !== char) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

type Attempt = { ok: true; value: unknown; json: string } | { ok: false; error: string };

function tryParse(json: string): Attempt {
  try {
    return { ok: true, value: JSON.parse(json), json };
  } catch (error) {
    // Smart quotes only when the text does not parse as it is: inside valid JSON strings they
    // are content (Chinese text quotes with “ ”).
    const normalised = json.replace(SMART_DOUBLE_QUOTES, '"');
    if (normalised !== json) {
      try {
        return { ok: true, value: JSON.parse(normalised), json: normalised };
      } catch {
        // fall through to the original error
      }
    }
    return { ok: false, error: (error as Error).message };
  }
}

type Candidate = { value: unknown; json: string };
type Failure = Extract<JsonExtractionResult, { success: false }>;

/**
 * Balanced objects and arrays in `text` that parse, in order. A balanced candidate that does not
 * parse is skipped whole (an object inside broken JSON is not the answer). `onFailure` hears about
 * each one that does not parse or never closes, with its length.
 */
function* scan(
  text: string,
  onFailure: (span: number, failure: Failure) => void,
): Generator<Candidate> {
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char !== '{' && char !== '[') continue;
    const end = findClosingBracket(text, i);
    if (end === -1) {
      onFailure(text.length - i, {
        success: false,
        reason: 'unterminated',
        message: 'The answer opens a JSON object or array but never closes it (was it cut off?).',
      });
      continue;
    }
    const attempt = tryParse(text.slice(i, end));
    if (attempt.ok) yield attempt;
    else
      onFailure(end - i, {
        success: false,
        reason: 'invalid_json',
        message: `The answer's JSON is invalid: ${attempt.error}`,
      });
    i = end - 1;
  }
}

/**
 * Every JSON value in a model's answer, best first: the whole answer (after removing reasoning
 * blocks) if it is JSON; else the values in code fences; then the balanced objects and arrays
 * of the whole text. Returns the failure of the longest broken candidate when there is none.
 */
export function extractJsonCandidates(text: string): { candidates: Candidate[]; failure: Failure } {
  const cleaned = stripReasoning(text).trim();
  if (cleaned === '')
    return {
      candidates: [],
      failure: {
        success: false,
        reason: 'empty',
        message: 'The answer is empty (or only reasoning).',
      },
    };
  const whole = tryParse(cleaned);
  if (whole.ok) return { candidates: [whole], failure: noJson() };
  let worst: { span: number; failure: Failure } | undefined;
  const onFailure = (span: number, failure: Failure) => {
    if (!worst || span > worst.span) worst = { span, failure };
  };
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const add = (candidate: Candidate) => {
    if (!seen.has(candidate.json)) candidates.push(candidate);
    seen.add(candidate.json);
  };
  for (const fence of cleaned.matchAll(FENCE))
    for (const c of scan(fence[1] ?? '', onFailure)) add(c);
  for (const candidate of scan(cleaned, onFailure)) add(candidate);
  return { candidates, failure: worst?.failure ?? noJson() };
}

function noJson(): Failure {
  return {
    success: false,
    reason: 'no_json',
    message: 'The answer contains no JSON object or array.',
  };
}

/** The first JSON value in a model's answer (see extractJsonCandidates for the order), or why there is none. */
export function extractJson(text: string): JsonExtractionResult {
  const { candidates, failure } = extractJsonCandidates(text);
  const first = candidates[0];
  return first ? { success: true, value: first.value, json: first.json } : failure;
}
