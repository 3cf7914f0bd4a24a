// The annotator's queue over HTTP, without DOM: the next task (200), "still generating" (202,
// poll after Retry-After), "finished" (204: done, or capped until X-Resets-At); votes with a
// client id, so that sending the same vote again after a failure never counts it twice.
import { apiJson, apiRequest, ApiError, retryAfterMs } from '../api/client.js';
import type { Choice, Progress, Scores, Task, VoteBody, VoteResult } from '../api/types.js';

export type NextStep =
  | { kind: 'task'; task: Task }
  | { kind: 'generating'; progress?: Progress; waitMs: number }
  | { kind: 'finished'; capped: boolean; resetsAt?: string };

const campaignPath = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}`;

export async function fetchNext(campaignId: string, annotator: string): Promise<NextStep> {
  const query = new URLSearchParams({ annotator });
  const reply = await apiRequest<Task | { status: string; progress?: Progress }>(
    `${campaignPath(campaignId)}/next?${query}`,
    { campaignId },
  );
  if (reply.status === 204 || reply.data === undefined) {
    const capped = reply.headers.get('X-Queue') === 'capped';
    return { kind: 'finished', capped, resetsAt: reply.headers.get('X-Resets-At') ?? undefined };
  }
  if (reply.status === 202 || !('taskId' in reply.data)) {
    const progress = 'progress' in reply.data ? reply.data.progress : undefined;
    return { kind: 'generating', progress, waitMs: retryAfterMs(reply.headers) };
  }
  return { kind: 'task', task: reply.data };
}

export function newVote(task: Task, annotator: string, choice: Choice, shownAt: number): VoteBody {
  return {
    id: crypto.randomUUID(),
    taskId: task.taskId,
    annotator,
    choice,
    timeSpentMs: Math.max(0, Math.round(performance.now() - shownAt)),
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Network failures, 429 and 5xx: worth the same request again (same id, same body). */
function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500)
  );
}

/** POSTs a JSON body, sending the identical request up to twice more when the failure was transient. */
export async function postIdempotent<T>(
  path: string,
  body: object,
  campaignId: string,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await apiJson<T>(path, { method: 'POST', body, campaignId });
    } catch (error) {
      if (attempt >= 2 || !isTransient(error)) throw error;
      await wait(1000 * (attempt + 1));
    }
  }
}

export function sendVote(campaignId: string, vote: VoteBody): Promise<VoteResult> {
  return postIdempotent<VoteResult>('/votes', vote, campaignId);
}

export async function undoVote(campaignId: string, id: string, annotator: string): Promise<string> {
  const result = await postIdempotent<{ taskId: string }>(
    '/votes/undo',
    { id, annotator },
    campaignId,
  );
  return result.taskId;
}

// Ratings and corrections go to the shared FeedbackModule's routes, keyed by the answer's
// responseId alone (their bodies are strict: no campaignId or taskId).
export interface RatingBody {
  id: string;
  responseId: string;
  scale: 5;
  scores: Scores;
  annotator: string;
}

export function sendRating(campaignId: string, rating: RatingBody): Promise<unknown> {
  return postIdempotent('/ratings', rating, campaignId);
}

export interface CorrectionBody {
  id: string;
  responseId: string;
  text: string;
  annotator: string;
}

export function sendCorrection(campaignId: string, correction: CorrectionBody): Promise<unknown> {
  return postIdempotent('/corrections', correction, campaignId);
}
