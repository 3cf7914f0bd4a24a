// The feedback data model: a target (one model response and the prompt it answered) and five kinds
// of human (or model) judgement about targets, the record shape LangSmith, Langfuse and Argilla
// converge on. Rows are append-only: a later answer by the same annotator on the same item
// supersedes the earlier one, which stays readable as history.
import type { Message } from '@repo/core';
import type { PairwiseChoice, PairwiseOutcome } from '../agreement/pairwise-votes.js';

// The vote vocabulary is the agreement statistics' own, so stored votes feed them as they are.
export type { PairwiseChoice, PairwiseOutcome };

export const FEEDBACK_KINDS = ['thumbs', 'rating', 'pairwise', 'ranking', 'correction'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const ANNOTATOR_KINDS = ['end_user', 'expert', 'crowd', 'model'] as const;
export type AnnotatorKind = (typeof ANNOTATOR_KINDS)[number];

/** Argilla's response statuses: only `submitted` feedback is a judgement that counts. */
export const FEEDBACK_STATUSES = ['draft', 'submitted', 'discarded'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** What the annotator clicked, in the positions they saw (Chatbot Arena's vote buttons). */
export const PAIRWISE_CHOICES: readonly PairwiseChoice[] = ['left', 'right', 'tie', 'both-bad'];

/** Likert scales: scores are integers from 1 to the scale. */
export const RATING_SCALES = [5, 7] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

export interface TargetInput {
  /** The response's id (idempotency key: recording it again returns the stored target). */
  responseId: string;
  /** The messages the model answered; the last is a user or tool message. */
  prompt: Message[];
  /** The assistant's answer text. */
  answer: string;
  model: string;
  provider?: string;
  /** Sampling parameters (temperature, top_p, …) as sent. */
  parameters?: Record<string, unknown>;
  createdAt?: Date;
}

export interface FeedbackTarget {
  responseId: string;
  prompt: Message[];
  answer: string;
  model: string;
  provider?: string;
  parameters: Record<string, unknown>;
  /** SHA-256 of the prompt: responses with the same hash answered the same prompt. */
  promptHash: string;
  createdAt: Date;
}

export interface Annotator {
  id: string;
  kind: AnnotatorKind;
}

interface FeedbackInputBase {
  /** Client-generated (a UUID): the same id with the same body is stored once. */
  id: string;
  annotator: Annotator;
  /** The guideline or rubric version the annotator saw, so datasets can be re-filtered later. */
  rubricVersion?: string;
  timeSpentMs?: number;
  /** Default `submitted`. */
  status?: FeedbackStatus;
  /** The annotation task this answers: answers in different tasks do not supersede each other. */
  taskId?: string;
  campaignId?: string;
  metadata?: Record<string, string>;
  comment?: string;
  /** When the judgement was made (imports); default now. Not part of the idempotent body. */
  createdAt?: Date;
}

export interface ThumbsInput extends FeedbackInputBase {
  kind: 'thumbs';
  targetId: string;
  value: 'up' | 'down';
  /** Reason chips, e.g. `['不准确', '太长']`. */
  reasons?: string[];
}

export interface RatingInput extends FeedbackInputBase {
  kind: 'rating';
  targetId: string;
  scale: RatingScale;
  /** Rubric criterion → integer score from 1 to `scale`. */
  scores: Record<string, number>;
}

export interface PairwiseInput extends FeedbackInputBase {
  kind: 'pairwise';
  /** The two response ids in the order they were displayed: [left, right]. */
  shown: [string, string];
  choice: PairwiseChoice;
  /** How much better the chosen side is (1 slightly … 3 much); only with left or right. */
  strength?: 1 | 2 | 3;
}

export interface RankingInput extends FeedbackInputBase {
  kind: 'ranking';
  /** Response ids best first; ids in one inner list are tied. */
  ranking: string[][];
}

export interface CorrectionInput extends FeedbackInputBase {
  kind: 'correction';
  targetId: string;
  /** The edited, better answer. */
  text: string;
}

export type FeedbackInput =
  ThumbsInput | RatingInput | PairwiseInput | RankingInput | CorrectionInput;

/** Who answered, under which guidelines, in which task: the same on input and as stored. */
export interface FeedbackProvenance {
  annotator: Annotator;
  rubricVersion?: string;
  timeSpentMs?: number;
  status: FeedbackStatus;
  taskId?: string;
  campaignId?: string;
  metadata?: Record<string, string>;
}

interface FeedbackBase extends FeedbackProvenance {
  id: string;
  /** Monotonic write order: the keyset for paging and what decides which answer is the latest. */
  sequence: number;
  /** The item judged, the same for every annotator: `["pairwise","r1","r2"]`. */
  itemKey: string;
  /** Every response the feedback names: the target, or the candidates in canonical order. */
  responseIds: string[];
  promptHash: string;
  /** False once the same annotator answered the same item (and task) again. */
  current: boolean;
  comment?: string;
  createdAt: Date;
}

export interface ThumbsFeedback extends FeedbackBase {
  kind: 'thumbs';
  targetId: string;
  value: 'up' | 'down';
  reasons: string[];
}

export interface RatingFeedback extends FeedbackBase {
  kind: 'rating';
  targetId: string;
  scale: RatingScale;
  scores: Record<string, number>;
}

export interface PairwiseFeedback extends FeedbackBase {
  kind: 'pairwise';
  /** Canonical (sorted) order, the same whichever side each was shown on. */
  candidates: [string, string];
  shown: [string, string];
  choice: PairwiseChoice;
  /** In canonical terms: `A` means `candidates[0]` won, whatever side it was shown on. */
  outcome: PairwiseOutcome;
  strength?: 1 | 2 | 3;
}

export interface RankingFeedback extends FeedbackBase {
  kind: 'ranking';
  /** Canonical (sorted) order. */
  candidates: string[];
  ranking: string[][];
}

export interface CorrectionFeedback extends FeedbackBase {
  kind: 'correction';
  targetId: string;
  text: string;
}

export type Feedback =
  ThumbsFeedback | RatingFeedback | PairwiseFeedback | RankingFeedback | CorrectionFeedback;
