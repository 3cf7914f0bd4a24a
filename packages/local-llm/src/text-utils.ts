// CJK-aware text helpers shared by the reply rules and the embedder: word tokens, character
// bigrams, sentence splitting, and the language check that picks English or Chinese wording.

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'u');
const CJK_RUN = new RegExp(`[${CJK_CLASS}]+`, 'gu');
const LATIN_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export const STOP_WORDS = new Set(
  (
    'a an the of for in on at to from by with and or is are was were be been am do does did ' +
    'what whats what’s which who whom how why when where this that these those it its i me my ' +
    'you your we our they their he she his her can could would should will shall may might ' +
    'please tell about like get current given specified value returns return use using tool ' +
    'function some any there here s not no yes if then than so as into out up down today now'
  ).split(' '),
);

// Characters too common in Chinese questions to count as evidence of relevance.
const CJK_STOP_CHARS = new Set([...'的是了吗呢吧啊么什怎哪谁我你他她它们在有和与及这那个一请问呀']);

export function isCjkChar(char: string): boolean {
  return CJK_CHAR.test(char);
}

/** True when the text has at least as many CJK characters as Latin words: answer in Chinese. */
export function isMostlyCjk(text: string): boolean {
  const cjk = [...text].filter(isCjkChar).length;
  if (cjk === 0) return false;
  return cjk >= latinWords(text).length;
}

/** Lowercased words of non-CJK scripts (CJK runs are removed first). */
export function latinWords(text: string): string[] {
  return (text.replace(CJK_RUN, ' ').toLowerCase().match(LATIN_WORD) ?? []).map((w) =>
    w.replace(/’/g, "'"),
  );
}

export function cjkRuns(text: string): string[] {
  return text.match(CJK_RUN) ?? [];
}

/** Bigrams of each CJK run; a one-character run yields itself. */
export function cjkBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** A crude stem so "cities"/"city" and "forecasts"/"forecast" meet. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Content terms used to measure overlap: stemmed non-stop words plus CJK bigrams, with common
 * question characters (的, 是, 什么 …) cut out of the CJK runs first.
 */
export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of latinWords(text)) if (!STOP_WORDS.has(word)) terms.add(stem(word));
  for (const run of cjkRuns(text)) {
    const parts = [...run].reduce<string[]>(
      (acc, char) => {
        if (CJK_STOP_CHARS.has(char)) acc.push('');
        else acc[acc.length - 1] += char;
        return acc;
      },
      [''],
    );
    for (const part of parts) if (part) for (const gram of cjkBigrams(part)) terms.add(gram);
  }
  return terms;
}

/** Splits identifiers and prose into lowercase words: `getCurrentWeather`, `get_time`. */
export function identifierWords(text: string): string[] {
  return latinWords(text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' '));
}

/**
 * Sentences, ending at . ! ? followed by a space or the end (so "3.5" stays whole), at 。！？
 * and at line breaks. Terminal punctuation stays with its sentence.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let current = '';
  const chars = [...text];
  chars.forEach((char, i) => {
    if (char === '\n' || char === '\r') {
      sentences.push(current);
      current = '';
      return;
    }
    current += char;
    const next = chars[i + 1];
    const latinEnd = '.!?'.includes(char) && (next === undefined || /\s/.test(next));
    if (latinEnd || '。！？'.includes(char)) {
      sentences.push(current);
      current = '';
    }
  });
  sentences.push(current);
  return sentences.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Caps the length in characters (not UTF-16 units), marking a cut with an ellipsis. */
export function truncateChars(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length > maxChars ? chars.slice(0, maxChars).join('') + '…' : text;
}

/** Collapses whitespace and caps the length, for quoting user text inside replies. */
export function quoteText(text: string, maxChars = 200): string {
  return truncateChars(text.replace(/\s+/g, ' ').trim(), maxChars);
}

/** Stream pieces: a word with its trailing space, or a single CJK character. Joins back exactly. */
export function streamPieces(text: string): string[] {
  return text.match(STREAM_PIECE) ?? [];
}

const STREAM_PIECE = new RegExp(`${CJK_CHAR.source}|[^\\s${CJK_CLASS}]+\\s*|\\s+`, 'gu');

/** Full-width ASCII (`（１２＋３）`, typed by Chinese IMEs) → half-width (`(12+3)`). */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
