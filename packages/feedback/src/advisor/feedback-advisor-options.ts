// The options and the public shape of the feedback advisor, apart from the code so the module
// (@repo/nest/feedback) and apps read one vocabulary.
import type { Advisor } from '@repo/core';
import type { FeedbackStore } from '../store/feedback-store.js';
import type { FeedbackTarget } from '../store/feedback-types.js';

/**
 * `on-feedback` (default): answers are held in memory and written to the store only when
 * feedback names them (nothing is written for the answers nobody judges). `always`: every answer
 * is written as it finishes, after the response (off the request's path; a failed write is
 * reported to `onError` and the answer stays held, so feedback can still record it).
 */
export type FeedbackPersistMode = 'on-feedback' | 'always';

export interface FeedbackAdvisorOptions {
  /** The store targets are written to; a function is called on first write (a lazy database). */
  store: FeedbackStore | (() => Promise<FeedbackStore>);
  persist?: FeedbackPersistMode;
  /** Answers held at most; the oldest is dropped beyond (default 1,000). */
  maxPending?: number;
  /** How long an answer is held for feedback, in ms (default 30 minutes). */
  pendingTtlMs?: number;
  /** A failed `always` write (default: one `console.warn` line with the id and the error kind). */
  onError?: (error: unknown, responseId: string) => void;
  /** Default `feedback`. */
  name?: string;
  /**
   * Default 1,000: runs inside the other advisors, so the prompt held is the one the model saw
   * (memory's history and retrieved documents included).
   */
  order?: number;
  /** Response ids; default `crypto.randomUUID`. */
  createId?: () => string;
  /** The clock of the time to live (tests). */
  now?: () => number;
}

export interface FeedbackAdvisor extends Advisor {
  /**
   * The target feedback on `responseId` refers to, in the store once this resolves: a held answer
   * is written first (idempotent, so concurrent feedback is fine), else the store is read.
   * `undefined` for an id never given, dropped (full, expired), or held by another process.
   */
  resolveTarget(responseId: string): Promise<FeedbackTarget | undefined>;
  /** Whether an answer is held (not yet known to be stored) under this id. */
  isPending(responseId: string): boolean;
  /** Answers held now. */
  readonly pendingCount: number;
  /** Waits for the `always` writes in flight (shutdown, tests). */
  flush(): Promise<void>;
}
