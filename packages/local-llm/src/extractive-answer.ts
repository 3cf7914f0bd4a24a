// Rule 5: retrieval-augmented prompts get an extractive answer: the one or two context sentences
// that share the most words (CJK: character bigrams) with the question, quoted verbatim, each as a
// sentence of its own with its document's `[n]` marker when the context numbers its documents;
// headings are never quoted and a sentence found in two documents is quoted once.
// Recognises Spring AI's QuestionAnswerAdvisor / ContextualQueryAugmenter templates, <context>
// blocks and "Context:" / 上下文： / 参考资料： headings, in the user or the system message.
import type { ChatMessage } from './chat-request.js';
import { contentTerms, isMostlyCjk, splitSentences } from './text-utils.js';

export const NOT_IN_CONTEXT = "I can't find the answer in the provided context.";
export const NOT_IN_CONTEXT_ZH = '在提供的上下文中找不到答案。';

interface FoundContext {
  context: string;
  /** Text of the message around the context block. */
  before: string;
  after: string;
}

const DASHED = /^[ \t]*-{5,}[ \t]*\n([\s\S]*?)\n[ \t]*-{5,}[ \t]*$/m;
const TAGGED = /<(context|documents?)>([\s\S]*?)<\/\1>/i;
const HEADING = /^[ \t]*(?:context|documents?|上下文|参考资料|资料|背景资料)[ \t]*[:：][ \t]*/im;
const QUESTION_LINE = /^[ \t]*(?:query|question|问题|用户问题)[ \t]*[:：][ \t]*(.+)$/im;
const SPRING_INTRO = /context information is below[^\n]*\n?/i;

function findContext(text: string): FoundContext | undefined {
  const dashed = DASHED.exec(text);
  if (dashed) {
    const start = Math.min(
      dashed.index,
      text.search(SPRING_INTRO) >= 0 ? text.search(SPRING_INTRO) : Infinity,
    );
    return {
      context: dashed[1] ?? '',
      before: text.slice(0, start),
      after: text.slice(dashed.index + dashed[0].length),
    };
  }
  const tagged = TAGGED.exec(text);
  if (tagged) {
    return {
      context: tagged[2] ?? '',
      before: text.slice(0, tagged.index),
      after: text.slice(tagged.index + tagged[0].length),
    };
  }
  const heading = HEADING.exec(text);
  if (heading) {
    const rest = text.slice(heading.index + heading[0].length);
    const question = QUESTION_LINE.exec(rest);
    const end = question ? question.index : rest.length;
    return {
      context: rest.slice(0, end),
      before: text.slice(0, heading.index),
      after: rest.slice(end),
    };
  }
  return undefined;
}

function questionFrom(found: FoundContext, inUserMessage: boolean, lastUser: string): string {
  const labelled = QUESTION_LINE.exec(found.after) ?? QUESTION_LINE.exec(found.before);
  if (labelled?.[1]) return labelled[1].trim();
  if (!inUserMessage) return lastUser;
  return found.before.trim() || found.after.trim();
}

/** The extractive answer, or undefined when the messages hold no retrieved context. */
export function answerFromContext(messages: ChatMessage[]): string | undefined {
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const candidates = [
    ...(lastUser ? [{ text: lastUser.text, inUser: true }] : []),
    ...messages.filter((m) => m.role === 'system').map((m) => ({ text: m.text, inUser: false })),
  ];
  for (const candidate of candidates) {
    const found = findContext(candidate.text);
    if (!found) continue;
    const question = questionFrom(found, candidate.inUser, lastUser?.text ?? '');
    return extractAnswer(found.context, question);
  }
  return undefined;
}

/** One quotable sentence and the document it came from (its `[n]` marker, when the context has them). */
interface Fragment {
  sentence: string;
  index: number;
  block: number;
  marker: string | undefined;
  score: number;
}

// Documents in a context: `[1] …` markers start one each; otherwise blank lines separate them.
const MARKER = /^[ \t]*(\[\d{1,3}\])[ \t]*/;
const MARKDOWN_HEADING = /^#{1,6}\s/;
const TABLE_RULE = /^[\s|:-]+$/;

function fragmentsOf(context: string, wanted: Set<string>): Fragment[] {
  const lines = context.split(/\r?\n/);
  const marked = lines.some((line) => MARKER.test(line));
  const fragments: Fragment[] = [];
  const seen = new Set<string>();
  let block = 0;
  let marker: string | undefined;
  let index = 0;
  for (const line of lines) {
    const start = MARKER.exec(line);
    if (start) [block, marker] = [block + 1, start[1]];
    else if (!marked && line.trim() === '') block++;
    const text = start ? line.slice(start[0].length) : line;
    // A heading names what follows; quoted alone it would be glued to another document's text.
    if (MARKDOWN_HEADING.test(text.trim()) || TABLE_RULE.test(text)) continue;
    for (const sentence of splitSentences(text)) {
      const key = sentence.replace(/\s+/g, ' ').toLowerCase();
      if (seen.has(key)) continue; // the same sentence in two documents is quoted once
      seen.add(key);
      let score = 0;
      for (const term of contentTerms(sentence)) if (wanted.has(term)) score++;
      if (score > 0) fragments.push({ sentence, index: index++, block, marker, score });
    }
  }
  return fragments;
}

/** A quoted fragment ends as a sentence, with its document's marker when the context has them. */
function quote(fragment: Fragment, chinese: boolean): string {
  const ended = /[.!?。！？…]$/.test(fragment.sentence)
    ? fragment.sentence
    : fragment.sentence + (isMostlyCjk(fragment.sentence) ? '。' : '.');
  if (!fragment.marker) return ended;
  return chinese ? `${ended}${fragment.marker}` : `${ended} ${fragment.marker}`;
}

export function extractAnswer(context: string, question: string): string {
  const chinese = isMostlyCjk(question);
  const scored = fragmentsOf(context, contentTerms(question)).sort(
    (a, b) => b.score - a.score || a.index - b.index,
  );
  const best = scored[0];
  if (!best) return chinese ? NOT_IN_CONTEXT_ZH : NOT_IN_CONTEXT;
  const second = scored[1];
  const picked = second && second.score * 2 >= best.score ? [best, second] : [best];
  // In context order within one document; across documents, the better one first.
  if (picked.length === 2 && picked[0]!.block === picked[1]!.block)
    picked.sort((a, b) => a.index - b.index);
  // Two fragments of one document carry its marker once, after the second.
  if (picked.length === 2 && picked[0]!.block === picked[1]!.block)
    picked[0] = { ...picked[0]!, marker: undefined };
  const quoted = picked.map((fragment) => quote(fragment, chinese));
  return chinese ? `根据上下文：${quoted.join('')}` : `Based on the context: ${quoted.join(' ')}`;
}
