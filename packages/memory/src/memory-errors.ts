// Errors of @repo/memory. Bad input (an unknown role, a malformed part) is core's
// InvalidInputError with the field named; a message over the size limit has its own type so apps
// map it to 413 rather than 400 (kind too_large).
import { AiError } from '@repo/core';

export interface MessageTooLargeErrorOptions {
  /** `messages[3]`: the message at fault in the appended batch. */
  field: string;
  sizeBytes: number;
  limitBytes: number;
}

/** A message whose serialized JSON exceeds the repository's `maxMessageBytes` (HTTP 413). */
export class MessageTooLargeError extends AiError {
  readonly field: string;
  readonly sizeBytes: number;
  readonly limitBytes: number;

  constructor(options: MessageTooLargeErrorOptions) {
    super(
      `${options.field} is ${options.sizeBytes} bytes serialized; the limit is ${options.limitBytes} bytes`,
      {
        code: 'message_too_large',
        kind: 'too_large',
        details: [{ field: options.field, reason: `must be at most ${options.limitBytes} bytes` }],
      },
    );
    this.field = options.field;
    this.sizeBytes = options.sizeBytes;
    this.limitBytes = options.limitBytes;
  }
}
