// Tokens for metrics and heuristics. SQuAD's answer normalisation (lowercase, no punctuation, no
// articles, single spaces) extended for CJK: Chinese and Japanese have no spaces, so each Han /
// kana character is one token (the usual character-level convention for Chinese EM/F1), and
// Hangul syllables likewise. NFKC first, so full-width letters, digits and punctuation count as
// their ASCII forms.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_GLOBAL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const ARTICLES = /\b(a|an|the)\b/g;

/** SQuAD's `normalize_answer`, Unicode-aware: lowercase, punctuation and articles removed, whitespace collapsed. */
export function normalizeAnswer(text: string): string {
  return foldText(text).replace(ARTICLES, ' ').replace(/\s+/g, ' ').trim();
}

/** Normalised tokens (SQuAD's, for EM/F1 and the heuristics): each CJK character a token of its own. */
export function tokenize(text: string): string[] {
  return splitTokens(normalizeAnswer(text));
}

/**
 * Tokens for ROUGE and BLEU: lowercase, punctuation dropped, CJK split per character, but articles
 * kept — rouge-score and sacrebleu count "the" like any other word.
 */
export function tokenizeWords(text: string): string[] {
  return splitTokens(foldText(text));
}

function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(PUNCTUATION, ' ');
}

function splitTokens(normalised: string): string[] {
  return normalised
    .replace(CJK_GLOBAL, (char) => ` ${char} `)
    .split(/\s+/)
    .filter((token) => token.length > 0);
}

/** True for a token made of CJK script (one character after `tokenize`). */
export function isCjkToken(token: string): boolean {
  return CJK.test(token);
}

// Function words that carry no content, for the heuristics' overlap scores (not for EM/F1, which
// follow SQuAD and keep them). Chinese ones are single characters that are (almost) never part of a
// content word; 都 or 有 are left in because 首都 and 没有 need them.
const STOP_WORDS = new Set(
  (
    'i me my we our you your he she it its they them their this that these those is are was were be ' +
    'been being am do does did have has had of in on at to for from by with about as into and or but ' +
    'not no so if then than there here what which who whom whose when where why how can could would ' +
    'should will shall may might must just also very much many some any all each more most other ' +
    '的 了 是 在 和 与 及 或 也 吗 呢 吧 啊 呀 么 把 被'
  ).split(' '),
);

/** `tokenize` without stop words: the tokens that carry content. */
export function contentTokens(text: string): string[] {
  return tokenize(text).filter((token) => !STOP_WORDS.has(token));
}

/** Sentences (or clauses ending in 。！？ for CJK), trimmed, empty ones dropped: the "claims" of an answer. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？；;])\s*|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => contentTokens(sentence).length > 0);
}
