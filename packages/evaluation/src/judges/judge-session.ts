// One evaluation's calls to the judge model: temperature 0 unless the caller's chatOptions say
// otherwise, the caller's signal, JSON replies through generateStructured, and every reply and
// token counted, including those of a reply that could not be used.
import { AbortedError, addUsage, emptyUsage } from '@repo/core';
import type { ChatRequest, Message, Usage } from '@repo/core';
import { generateStructured, StructuredOutputError } from '@repo/prompting';
import type { z } from 'zod';
import type { JudgeOptions } from './judges-support.js';

// A judge re-asked once after unusable JSON: a second failure says more about the judge than a
// third try would fix, and every re-ask is paid for.
const MAX_REASKS = 1;

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
}

/** The judge calls of one evaluation, with their replies and summed usage. */
export interface JudgeSession {
  readonly replies: string[];
  readonly usage: Usage;
  text(messages: Message[]): Promise<string>;
  structured<T>(messages: Message[], schema: z.ZodType<T>): Promise<T>;
}

export function createJudgeSession(options: JudgeOptions, signal?: AbortSignal): JudgeSession {
  const replies: string[] = [];
  let usage = emptyUsage();
  const request = (messages: Message[]): ChatRequest => ({
    messages,
    options: { temperature: 0, ...options.chatOptions },
    ...(signal ? { signal } : {}),
  });
  return {
    replies,
    get usage() {
      return usage;
    },
    async text(messages) {
      throwIfAborted(signal);
      const response = await options.model.call(request(messages));
      usage = addUsage(usage, response.totalUsage ?? response.usage);
      replies.push(response.text);
      return response.text;
    },
    async structured(messages, schema) {
      try {
        const result = await generateStructured({
          call: (sent) => options.model.call(sent),
          request: request(messages),
          schema,
          capabilities: options.model.capabilities,
          maxReasks: MAX_REASKS,
        });
        usage = addUsage(usage, result.usage);
        replies.push(result.response.text);
        return result.value;
      } catch (error) {
        if (error instanceof StructuredOutputError) {
          usage = addUsage(usage, error.usage ?? emptyUsage());
          replies.push(error.rawText);
        }
        throw error;
      }
    },
  };
}
