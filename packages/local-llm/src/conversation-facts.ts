// Rule 6: memory within one request. "My name is Bob" in an earlier turn (or in the system
// message, where memory advisors put history) answers "What is my name?" later; the same for
// "my <thing> is <value>" and Chinese 我叫… / 我的<X>是…. No earlier fact: a fixed "don't know".
import type { ChatMessage } from './chat-request.js';

interface Question {
  thing: string;
  chinese: boolean;
}

const NAME = 'name';
const NAME_ZH = '名字';
const UNSURE = /^(?:what|who|什么|谁|啥)/i;

function askedAbout(text: string): Question | undefined {
  const t = text.trim();
  if (/^who am i\b/i.test(t) || /\bdo you (?:know|remember) (?:my name|who i am)\b/i.test(t))
    return { thing: NAME, chinese: false };
  const en =
    /\bwhat(?:'s|’s| is| was)\s+my\s+([a-z][a-z ]{0,30}?)\s*\??\s*$/i.exec(t) ??
    /\bdo you (?:know|remember) my\s+([a-z][a-z ]{0,30}?)\s*\??\s*$/i.exec(t);
  if (en?.[1]) return { thing: en[1].toLowerCase(), chinese: false };
  if (/我(?:叫|是)(?:什么|谁)|我的名字(?:是|叫)?(?:什么|啥)/u.test(t))
    return { thing: NAME_ZH, chinese: true };
  const zh = /我的(\p{Script=Han}{1,10}?)(?:是|叫)(?:什么|啥|多少|哪)/u.exec(t);
  if (zh?.[1]) return { thing: zh[1], chinese: true };
  return undefined;
}

/** Facts stated in one text, keyed by thing ("name", "favourite colour", "名字", "生日"). */
function statedFacts(text: string): [string, string][] {
  const facts: [string, string][] = [];
  for (const m of text.matchAll(/\bmy\s+([a-z][a-z ]{0,30}?)\s+is\s+([^.,!?;\n]+)/gi))
    facts.push([(m[1] ?? '').toLowerCase(), (m[2] ?? '').trim()]);
  for (const m of text.matchAll(
    /\b(?:call me|i am|i'm|i’m)\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)/gu,
  ))
    facts.push([NAME, m[1] ?? '']);
  for (const m of text.matchAll(
    /我叫([^\s，。！？,.!?、]+)|我的名字(?:是|叫)([^\s，。！？,.!?、]+)/gu,
  ))
    facts.push([NAME_ZH, (m[1] ?? m[2] ?? '').trim()]);
  for (const m of text.matchAll(/我的(\p{Script=Han}{1,10}?)是([^\s，。！？,.!?、]+)/gu))
    if (m[1] !== NAME_ZH) facts.push([m[1] ?? '', (m[2] ?? '').trim()]);
  return facts.filter(([thing, value]) => thing && value && !UNSURE.test(value));
}

// English and Chinese questions reach the same fact: "name" ↔ 名字.
function sameThing(a: string, b: string): boolean {
  const norm = (s: string) => (s === NAME_ZH ? NAME : s.replace(/favou?rite/, 'favorite'));
  return norm(a) === norm(b);
}

/** The answer to a "what is my X?" question, or undefined when the last message is not one. */
export function answerFromFacts(messages: ChatMessage[]): string | undefined {
  const lastIndex = messages.map((m) => m.role).lastIndexOf('user');
  const last = messages[lastIndex];
  if (!last) return undefined;
  const question = askedAbout(last.text);
  if (!question) return undefined;
  let value: string | undefined;
  for (const message of messages.slice(0, lastIndex)) {
    if (message.role !== 'user' && message.role !== 'system') continue;
    for (const [thing, stated] of statedFacts(message.text))
      if (sameThing(thing, question.thing)) value = stated;
  }
  const thing = question.thing;
  if (question.chinese) {
    if (value === undefined) return `我还不知道你的${thing === NAME ? NAME_ZH : thing}。`;
    return thing === NAME_ZH || thing === NAME ? `你叫${value}。` : `你的${thing}是${value}。`;
  }
  if (value === undefined) return `I don't know your ${thing} yet.`;
  return `Your ${thing} is ${value}.`;
}
