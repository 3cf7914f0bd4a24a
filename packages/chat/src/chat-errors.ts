// The chat client's narrow errors, on core's AiError hierarchy (docs/conventions.md rule 11). They carry
// data (iterations, the messages so far, the names on offer) so callers can recover or report.
import { AiError } from '@repo/core';
import type { Message } from '@repo/core';

/** The model kept asking for tools after `maxToolIterations` rounds of tool execution. */
export class ToolLoopLimitError extends AiError {
  readonly iterations: number;
  /** Every message the loop produced before it stopped, the last tool-call turn included. */
  readonly messages: Message[];

  constructor(iterations: number, messages: Message[]) {
    super(
      `The model still asked for tools after ${iterations} tool iteration(s); raise maxToolIterations or check the tools' descriptions`,
      { code: 'tool_loop_limit', kind: 'model_output_unusable' },
    );
    this.iterations = iterations;
    this.messages = messages;
  }
}

/** `createChatClients(...).get(name)` was asked for a model the source does not have. */
export class UnknownChatClientError extends AiError {
  readonly clientName: string;
  readonly available: string[];

  constructor(clientName: string, available: string[]) {
    super(`No chat model named "${clientName}". Available: ${available.join(', ') || '(none)'}`, {
      code: 'unknown_chat_client',
      kind: 'invalid_input',
      details: [{ field: 'model', reason: `must be one of ${available.join(', ') || '(none)'}` }],
    });
    this.clientName = clientName;
    this.available = available;
  }
}

/** A `ChatClientStream` was iterated twice; a stream is a one-shot request. */
export class StreamConsumedError extends AiError {
  constructor() {
    super('This chat stream was already consumed; call .stream() again for a new request', {
      code: 'stream_consumed',
    });
  }
}
