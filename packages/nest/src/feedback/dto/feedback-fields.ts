// The fields every feedback body shares, with @repo/feedback's limits: the client's id (its
// idempotency key), the response judged, who judged it.
import { ANNOTATOR_KINDS, FEEDBACK_LIMITS } from '@repo/feedback/collect';
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
  annotatorKind: z
    .enum(ANNOTATOR_KINDS)
    .optional()
    .meta({ description: 'Default `end_user`; a labelling campaign sends `crowd` or `expert`' }),
  // A labelling campaign's judgements carry its ids, so its exports and statistics include them.
  campaignId: idText().optional().meta({ description: 'The campaign this judgement belongs to' }),
  taskId: idText().optional().meta({
    description: 'The task it answers (answers in different tasks never supersede each other)',
  }),
  timeSpentMs: z.number().int().min(0).max(86_400_000).optional(),
};

export const commentField = z.string().max(FEEDBACK_LIMITS.commentLength).optional();
