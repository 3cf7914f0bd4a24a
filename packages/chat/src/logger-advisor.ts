// Logs each request and its outcome (Spring AI's SimpleLoggerAdvisor). Metadata only by default:
// prompts and completions carry user data, so content is opt-in, and every line is redacted.
import { CHAT_CONTEXT_KEYS, textOf, toolCallsOf } from '@repo/core';
import type { AdvisedRequest, Advisor, ChatResponse } from '@repo/core';
import { observeStream } from './observe-stream.js';
import { redactSecrets } from './redact-secrets.js';

export interface LoggerAdvisorOptions {
  /** Where lines go. Default `console.log`. */
  log?: (line: string) => void;
  /** Also log prompts and completions. Default false. */
  logContent?: boolean;
  /** Extra redaction, applied after the built-in one (which always runs). */
  redact?: (text: string) => string;
  name?: string;
  order?: number;
}

export function createLoggerAdvisor(options: LoggerAdvisorOptions = {}): Advisor {
  const sink = options.log ?? ((line: string) => console.log(line));
  const log = (line: string) => {
    const redacted = redactSecrets(line);
    sink(options.redact ? options.redact(redacted) : redacted);
  };

  const logRequest = ({ request, context }: AdvisedRequest) => {
    const provider = String(context.get(CHAT_CONTEXT_KEYS.provider) ?? 'unknown');
    const model =
      request.options?.model ?? String(context.get(CHAT_CONTEXT_KEYS.model) ?? 'unknown');
    log(
      `chat request provider=${provider} model=${model} messages=${request.messages.length} tools=${request.tools?.length ?? 0}`,
    );
    if (options.logContent)
      for (const message of request.messages)
        log(`chat prompt [${message.role}] ${textOf(message)}`);
    return performance.now();
  };
  const logResponse = (response: ChatResponse, started: number) => {
    const usage = response.totalUsage ?? response.usage;
    const tools = toolCallsOf(response.message).length;
    log(
      `chat response provider=${response.provider} model=${response.model} finish=${response.finishReason} ` +
        `tokens=${usage.promptTokens}/${usage.completionTokens}/${usage.totalTokens}` +
        `${tools > 0 ? ` toolCalls=${tools}` : ''} durationMs=${Math.round(performance.now() - started)}`,
    );
    if (options.logContent) log(`chat completion ${response.text}`);
  };
  const logError = (error: unknown, started: number) => {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    log(`chat error ${name}: ${message} durationMs=${Math.round(performance.now() - started)}`);
  };

  return {
    name: options.name ?? 'logger',
    order: options.order ?? 0,
    async adviseCall(request, next) {
      const started = logRequest(request);
      try {
        const advised = await next(request);
        logResponse(advised.response, started);
        return advised;
      } catch (error) {
        logError(error, started);
        throw error;
      }
    },
    adviseStream(request, next) {
      const started = logRequest(request);
      return observeStream(next(request), {
        onFinish: (response) => logResponse(response, started),
        onError: (error) => logError(error, started),
      });
    },
  };
}
