// Feedback on a response id the app cannot find: never given, dropped from the held answers (too
// many, too old, or held by another instance or before a restart), or never recorded. A 404
// naming the field, so a client learns which id was wrong rather than getting a 400 or a 500.
import { AiError } from '@repo/core';

export function unknownResponse(responseId: string, field = 'responseId'): AiError {
  return new AiError(
    `Response "${responseId}" is not known: it was never recorded, or it is no longer held for feedback (answers are held for a limited time, by the process that gave them)`,
    {
      kind: 'not_found',
      code: 'feedback_response_unknown',
      details: [{ field, reason: `names the unknown response "${responseId}"` }],
    },
  );
}
