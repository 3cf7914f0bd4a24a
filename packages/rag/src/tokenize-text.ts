// The one tokenizer of lexical search, shared by the memory store (BM25 in JS) and the pgvector
// store (a tsvector filled from these tokens), so both index and query the same terms. Written
// here rather than taken from a library: the stores need CJK bigrams, CamelCase splitting and
// "Spring Boot" = "SpringBoot" together, and PostgreSQL's `simple` parser must keep every token.

// Chinese and Japanese are written without spaces: a run of these scripts becomes bigrams.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々`;
const RUN = new RegExp(String.raw`([${CJK}]+)|((?:(?![${CJK}])[\p{L}\p{N}])+)`, 'gu');
// Parts of a word: an acronym (HTTP in HTTPResponse), a capitalised or lower-case word, a number.
const PART = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+|[^\p{Lu}\p{Ll}\p{N}]+/gu;
const CAPITALISED = /^\p{Lu}/u;
const SPACES_ONLY = /^[ \t]+$/;

/**
 * Lexical terms of a text, in order, repeats kept (they are term frequencies):
 * - Latin (and other spaced) words lowercased; a CamelCase or letter-digit word also gives its
 *   parts (`SpringBoot` → `springboot spring boot`, `Qwen2` → `qwen2 qwen 2`);
 * - two capitalised words separated only by spaces also give their concatenation
 *   (`Spring Boot` → `spring boot springboot`), so either spelling finds the other;
 * - Chinese/Japanese runs as character bigrams (`向量数据库` → `向量 量数 数据 据库`), a lone
 *   character as itself.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const normalized = text.normalize('NFKC');
  let previous: { word: string; end: number } | undefined;
  for (const match of normalized.matchAll(RUN)) {
    const [, cjk, word] = match;
    const start = match.index;
    if (cjk !== undefined) {
      pushCjk(tokens, [...cjk]);
      previous = undefined;
      continue;
    }
    if (word === undefined) continue;
    const lower = word.toLowerCase();
    tokens.push(lower);
    const parts = word.match(PART) ?? [];
    if (parts.length > 1) tokens.push(...parts.map((part) => part.toLowerCase()));
    if (
      previous !== undefined &&
      CAPITALISED.test(word) &&
      CAPITALISED.test(previous.word) &&
      SPACES_ONLY.test(normalized.slice(previous.end, start))
    ) {
      tokens.push(previous.word.toLowerCase() + lower);
    }
    previous = { word, end: start + word.length };
  }
  return tokens;
}

function pushCjk(tokens: string[], characters: string[]): void {
  if (characters.length === 1) {
    tokens.push(characters[0] ?? '');
    return;
  }
  for (let i = 0; i + 1 < characters.length; i++)
    tokens.push(`${characters[i]}${characters[i + 1]}`);
}

/** The distinct terms of a query, in first-seen order (BM25 sums each term once). */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query))];
}
