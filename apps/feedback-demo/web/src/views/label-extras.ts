// What the rating and correction views add to a labelling task: both answers' 1–5 ratings (sent
// before the vote) and the correction (sent after it). Each keeps its client id while its body is
// unchanged, so sending again after a failure stores it once; a changed body gets a new id.
import type { Task } from '../api/types.js';
import type { CorrectionChoice } from './correction-form.js';
import { sendCorrection, sendRating, type CorrectionBody, type RatingBody } from './queue.js';
import { ratingForm } from './rating-form.js';
import type { TaskPanel } from './task-panel.js';

export interface RatingPair {
  complete(): boolean;
  send(campaignId: string, task: Task, annotator: string): Promise<void>;
}

/** Keeps the id of the last body with the same content. */
function stableIds<B extends { id: string }>() {
  const sent = new Map<string, B>();
  return (key: string, body: Omit<B, 'id'>): B => {
    const previous = sent.get(key);
    const { id: _id, ...rest } = previous ?? ({} as Partial<B>);
    if (previous && JSON.stringify(rest) === JSON.stringify(body)) return previous;
    const next = { id: crypto.randomUUID(), ...body } as B;
    sent.set(key, next);
    return next;
  };
}

export function collectRatings(panel: TaskPanel): RatingPair {
  const forms = { left: ratingForm('left'), right: ratingForm('right') };
  panel.left.append(forms.left.element);
  panel.right.append(forms.right.element);
  const ratingFor = stableIds<RatingBody>();
  return {
    complete: () => Boolean(forms.left.scores() && forms.right.scores()),
    async send(campaignId, task, annotator) {
      for (const side of ['left', 'right'] as const) {
        const scores = forms[side].scores();
        if (!scores) throw new Error('unrated');
        const { responseId } = task[side];
        const body = { responseId, scale: 5 as const, scores, annotator };
        await sendRating(campaignId, ratingFor(`${task.taskId}/${side}`, body));
      }
    },
  };
}

const correctionFor = stableIds<CorrectionBody>();

export function sendCorrectionOnce(
  campaignId: string,
  task: Task,
  annotator: string,
  correction: CorrectionChoice,
): Promise<unknown> {
  const { responseId } = correction.answer;
  const body = { responseId, text: correction.text, annotator };
  return sendCorrection(campaignId, correctionFor(task.taskId, body));
}
