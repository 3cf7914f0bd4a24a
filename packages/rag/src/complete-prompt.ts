// One model call for a pre-retrieval stage (transform or expand a query) and the clean-up its reply
// needs. The stages call the ChatModel directly, not a chat client, so the RAG advisor is not run
// again around its own helper calls.
import { userMessage } from '@repo/core';
import type { ChatModel, ChatOptions } from '@repo/core';

export interface CompletePromptOptions {
  signal?: AbortSignal;
  /** Default temperature 0: a query rewrite should be repeatable. */
  options?: ChatOptions;
}

export async function completePrompt(
  model: ChatModel,
  prompt: string,
  { signal, options }: CompletePromptOptions = {},
): Promise<string> {
  const response = await model.call({
    messages: [userMessage(prompt)],
    options: { temperature: 0, ...options },
    ...(signal ? { signal } : {}),
  });
  return stripReasoning(response.text);
}

// Qwen, DeepSeek and GLM served through some gateways put their thinking inline; an unclosed block
// means the answer was cut inside it, so nothing usable follows.
function stripReasoning(text: string): string {
  return text.replace(/<think(?:ing)?>[\s\S]*?(?:<\/think(?:ing)?>|$)/gi, '').trim();
}

const LABEL =
  /^(?:(?:the\s+)?(?:rewritten|standalone|translated|compressed)?\s*(?:query|question)|改写后的(?:查询|问题)|(?:独立|翻译后的)?(?:查询|问题))\s*[:：]\s*/i;
const QUOTES: Array<[string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['「', '」'],
  ['`', '`'],
];

/** A reply line without list markers, a `Query:` label or the quotes models wrap answers in. */
export function cleanQueryLine(line: string): string {
  let text = line
    .trim()
    .replace(/^(?:[-*•·]\s+|\d{1,2}[.)]\s+|\d{1,2}[、:：]\s*|\(\d{1,2}\)\s*|#+\s+)/u, '')
    .replace(LABEL, '')
    .trim();
  for (const [open, close] of QUOTES)
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close))
      text = text.slice(open.length, -close.length).trim();
  return text;
}

/**
 * The query in a single-query reply: the first line that is not a heading such as
 * "Here is the rewritten query:"; the original when the model gave nothing usable.
 */
export function parseSingleQuery(reply: string, original: string): string {
  for (const line of reply.split(/\r?\n/)) {
    if (/[:：]\s*$/.test(line.trim())) continue;
    const text = cleanQueryLine(line);
    if (text) return text;
  }
  return original;
}
