// The store's errors are core's, told apart by kind (invalid_input 400, not_found 404, conflict
// 409), so that an app maps them to HTTP without knowing this package.
import { AiError, InvalidInputError } from '@repo/core';
import type { InvalidInputDetail } from '@repo/core';

/** One InvalidInputError naming every field at fault, so a client fixes them all in one round. */
export function invalidFields(what: string, details: InvalidInputDetail[]): InvalidInputError {
  const list = details.map((detail) => `${detail.field} ${detail.reason}`).join('; ');
  return new InvalidInputError(`Invalid ${what}: ${list}`, details);
}

export function notFound(field: string, responseId: string): AiError {
  return new AiError(`No response "${responseId}" was recorded (recordTarget first)`, {
    kind: 'not_found',
    code: 'feedback_target_not_found',
    details: [{ field, reason: `names the unknown response "${responseId}"` }],
  });
}

/** The idempotency key is taken by another body: the client reused an id, or changed its mind. */
export function conflict(field: string, message: string): AiError {
  return new AiError(message, {
    kind: 'conflict',
    code: 'feedback_id_conflict',
    details: [{ field, reason: 'is already stored with a different body' }],
  });
}
