// The fields every feedback body shares, with @repo/feedback's limits: the client's id (its
// idempotency key), the response judged, who judged it.
import { FEEDBACK_LIMITS } from '@repo/feedback';
import { z } from 'zod';

const idText = () => z.string().trim().min(1).max(FEEDBACK_LIMITS.idLength);

export const feedbackFields = {
  id: idText().optional().meta({
    description:
      'Client-generated (a UUID): a retry with the same id and body is stored once (200). Without one the server makes one, and a retry is stored twice.',
    example: '0b7f6c1e-2d4a-4f55-9c61-2a9c3c1d7e10',
  }),
  responseId: idText().meta({ description: 'The answer judged: its `responseId`' }),
  annotator: idText()
    .optional()
    .meta({ description: 'Who judges (an `end_user` annotator); default `anonymous`' }),
};

export const commentField = z.string().max(FEEDBACK_LIMITS.commentLength).optional();
