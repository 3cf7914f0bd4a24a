// Refuses requests that contain sensitive words without calling the model (Spring AI's
// SafeGuardAdvisor, same default answer). Latin words match whole words ("ass" does not block
// "class"); words containing CJK characters match as substrings, since Chinese has no spaces.
import { CHAT_CONTEXT_KEYS, emptyUsage, textOf } from '@repo/core';
import type { AdvisedRequest, Advisor, ChatResponse, ChatStreamEvent } from '@repo/core';

export const DEFAULT_SAFEGUARD_RESPONSE =
  "I'm unable to respond to that due to sensitive content. Could we rephrase or discuss something else?";

export interface SafeguardAdvisorOptions {
  sensitiveWords: string[];
  failureResponse?: string;
  /** Default 0, as in Spring AI; lower it to refuse before retrieval or memory advisors run. */
  order?: number;
  name?: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function createSafeguardAdvisor(options: SafeguardAdvisorOptions): Advisor {
  const failureResponse = options.failureResponse ?? DEFAULT_SAFEGUARD_RESPONSE;
  const matchers = options.sensitiveWords
    .map((word) => word.trim())
    .filter(Boolean)
    .map((word) =>
      CJK.test(word)
        ? new RegExp(escapeRegExp(word), 'iu')
        : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu'),
    );

  const isSensitive = ({ request }: AdvisedRequest) =>
    request.messages.some(
      (message) =>
        (message.role === 'user' || message.role === 'system') &&
        matchers.some((matcher) => matcher.test(textOf(message))),
    );

  const refusal = ({ request, context }: AdvisedRequest): ChatResponse => ({
    id: 'safeguard',
    provider: String(context.get(CHAT_CONTEXT_KEYS.provider) ?? 'unknown'),
    model: request.options?.model ?? String(context.get(CHAT_CONTEXT_KEYS.model) ?? 'unknown'),
    message: { role: 'assistant', parts: [{ type: 'text', text: failureResponse }] },
    text: failureResponse,
    finishReason: 'content-filter',
    usage: emptyUsage(),
    totalUsage: emptyUsage(),
  });

  return {
    name: options.name ?? 'safeguard',
    order: options.order ?? 0,
    async adviseCall(advised, next) {
      if (!isSensitive(advised)) return next(advised);
      const response = refusal(advised);
      return { response, context: advised.context, messages: [response.message] };
    },
    adviseStream(advised, next): AsyncIterable<ChatStreamEvent> {
      if (!isSensitive(advised)) return next(advised);
      const response = refusal(advised);
      return (async function* (): AsyncGenerator<ChatStreamEvent> {
        yield { type: 'text-delta', text: failureResponse };
        yield { type: 'finish', finishReason: 'content-filter', response };
      })();
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
