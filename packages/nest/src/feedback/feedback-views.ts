// What the feedback routes answer: the stored row without the store's bookkeeping (sequence, item
// key, hashes), a single target under `responseId` as the client named it, and whether this
// request created the row (201) or repeated a stored one (200).
import type { Feedback, FeedbackTarget } from '@repo/feedback';

type Bookkeeping = 'sequence' | 'itemKey' | 'responseIds' | 'promptHash' | 'targetId';
type WithoutBookkeeping<F> = F extends unknown ? Omit<F, Bookkeeping> : never;

/** A feedback row for clients: `responseId` for the kinds that judge one answer. */
export type FeedbackView = WithoutBookkeeping<Feedback> & { responseId?: string };

export interface RecordedFeedbackView {
  feedback: FeedbackView;
  /** False for a retry of a stored id and body: nothing was written (200 instead of 201). */
  created: boolean;
}

export interface ResponseFeedbackView {
  target: Omit<FeedbackTarget, 'promptHash'>;
  /** The current (latest per annotator and task) submitted feedback naming it, oldest first. */
  feedback: FeedbackView[];
}

export function toFeedbackView(feedback: Feedback): FeedbackView {
  const { sequence: _s, itemKey: _i, responseIds: _r, promptHash: _p, ...rest } = feedback;
  if (!('targetId' in rest)) return rest;
  const { targetId, ...judged } = rest;
  return { ...judged, responseId: targetId };
}

export function toTargetView(target: FeedbackTarget): ResponseFeedbackView['target'] {
  const { promptHash: _promptHash, ...rest } = target;
  return rest;
}
