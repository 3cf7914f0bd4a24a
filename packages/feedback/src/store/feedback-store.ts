// The feedback store's contract: record targets and feedback idempotently, read the current
// answers (or the history) by kind, response, task, campaign or annotator, and page through them
// by keyset so that exports and dashboards never hold the whole table.
import type {
  AnnotatorKind,
  Feedback,
  FeedbackInput,
  FeedbackKind,
  FeedbackStatus,
  FeedbackTarget,
  TargetInput,
} from './feedback-types.js';

export interface FeedbackQuery {
  kind?: FeedbackKind;
  /** Any of these kinds (with `kind`, both apply). */
  kinds?: readonly FeedbackKind[];
  /** Feedback naming this response: its target, or one of its candidates. */
  responseId?: string;
  taskId?: string;
  campaignId?: string;
  annotatorId?: string;
  /** Default `submitted`: drafts and discarded answers are not judgements. `any` for all. */
  status?: FeedbackStatus | 'any';
  /** Older answers superseded by the same annotator's later one too (history). Default false. */
  includeSuperseded?: boolean;
  excludeAnnotatorIds?: readonly string[];
  /** Only feedback given under one of these rubric versions. */
  rubricVersions?: readonly string[];
  /** A snapshot: ignore rows written after this sequence, also when deciding what is current. */
  untilSequence?: number;
}

/**
 * `sequence`: write order (streaming, tailing). `item` and `prompt`: every answer on one item, or
 * on one prompt, comes out together (exports aggregate them); meant with a `kind`.
 */
export type FeedbackOrder = 'sequence' | 'item' | 'prompt';

export interface ListFeedbackOptions extends FeedbackQuery {
  order?: FeedbackOrder;
  /** Page size, 1 to 1000 (default 100). */
  limit?: number;
  /** `nextCursor` of the previous page (same query and order). */
  cursor?: string;
}

export interface FeedbackPage {
  items: Feedback[];
  /** Absent on the last page. */
  nextCursor?: string;
}

export interface FeedbackCounts {
  total: number;
  byKind: Record<FeedbackKind, number>;
}

export interface FeedbackSummary extends FeedbackCounts {
  annotators: { total: number; byKind: Record<AnnotatorKind, number> };
  /** The oldest and newest `createdAt`; absent when nothing matched. */
  timeRange?: { from: Date; to: Date };
  /** Distinct rubric versions, sorted; `null` stands for feedback given without one. */
  rubricVersions: Array<string | null>;
}

export interface RecordFeedbackResult<F extends Feedback = Feedback> {
  feedback: F;
  /** False when the id was already stored with this body (a retry): nothing was written. */
  created: boolean;
}

export interface FeedbackStore {
  /** Stores a response and its prompt; the same id with the same body returns the stored one. */
  recordTarget(input: TargetInput): Promise<FeedbackTarget>;
  getTarget(responseId: string): Promise<FeedbackTarget | undefined>;
  /** The targets that exist among `responseIds` (one query). */
  getTargets(responseIds: readonly string[]): Promise<Map<string, FeedbackTarget>>;
  /** Appends a judgement; every response it names must have been recorded. */
  recordFeedback<I extends FeedbackInput>(
    input: I,
  ): Promise<RecordFeedbackResult<Extract<Feedback, { kind: I['kind'] }>>>;
  getFeedback(id: string): Promise<Feedback | undefined>;
  /** Every version of the answer `id` belongs to (same annotator, item and task), oldest first. */
  feedbackHistory(id: string): Promise<Feedback[]>;
  listFeedback(options?: ListFeedbackOptions): Promise<FeedbackPage>;
  /** Every matching row, fetched `limit` at a time. */
  streamFeedback(options?: Omit<ListFeedbackOptions, 'cursor'>): AsyncGenerator<Feedback>;
  countFeedback(query?: FeedbackQuery): Promise<FeedbackCounts>;
  /** Counts plus provenance: annotators, time range, rubric versions. */
  summarizeFeedback(query?: FeedbackQuery): Promise<FeedbackSummary>;
  /** The newest sequence written (0 when empty): a snapshot point for `untilSequence`. */
  lastSequence(): Promise<number>;
}
