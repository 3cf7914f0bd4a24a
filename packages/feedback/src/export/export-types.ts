// What an export is asked for and what it reports. The training file holds training lines only;
// counts, filters and provenance go in the data card beside it (OpenAI rejects unknown keys, and a
// card inside the file would be trained on).
import type { Message } from '@repo/core';
import type { AnnotatorKind, FeedbackKind } from '../store/feedback-types.js';

export const EXPORT_FORMATS = ['sft-openai', 'dpo-openai', 'dpo-trl', 'kto', 'rm-pairs'] as const;
/**
 * `sft-openai`: OpenAI chat fine-tuning `{messages}`. `dpo-openai`: OpenAI preference fine-tuning
 * `{input, preferred_output, non_preferred_output}`. `dpo-trl`: TRL `{prompt, chosen, rejected}`
 * (conversational). `kto`: TRL `{prompt, completion, label}`. `rm-pairs`: TRL RewardTrainer
 * `{chosen, rejected}`, each the whole conversation (implicit prompt).
 */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** The kinds to draw from; default every kind the format can use. */
  kinds?: readonly FeedbackKind[];
  /** Item key (`Feedback.itemKey`) → agreement (κ, α or raw), computed elsewhere. */
  agreement?: ReadonlyMap<string, number>;
  /** Keep items whose agreement is at least this; needs `agreement`. Corrections are exempt. */
  minAgreement?: number;
  /** Items absent from `agreement` (one annotator): `drop` (default) or `keep`. */
  missingAgreement?: 'drop' | 'keep';
  excludeAnnotators?: ReadonlySet<string>;
  rubricVersions?: readonly string[];
  campaignId?: string;
  /** A ranking of K: every decided pair of the C(K,2) (default), or best vs a random worse one. */
  rankingPairs?: 'all' | 'best-vs-random-worse';
  /** Ratings: the rejected answer's mean must be at least this much lower (default: any lower). */
  ratingMargin?: number;
  /** KTO: a both-bad pairwise verdict gives a negative example for each answer. Default false. */
  bothBadAsNegatives?: boolean;
  /** Seeds the random picks (a rejected answer, a tie at the top); same seed, same file. */
  seed?: number;
  /** Feedback rows per page read from the store, 1 to 1000 (default 500). */
  pageSize?: number;
  /** Export as of this sequence (default: the newest when the export starts). */
  untilSequence?: number;
}

export type DropReason =
  | 'low_agreement'
  | 'agreement_unknown'
  | 'no_majority'
  | 'tie'
  | 'both_bad'
  | 'not_both_bad'
  | 'thumbs_down'
  | 'duplicate_correction'
  | 'single_response'
  | 'mixed_scales'
  | 'equal_ratings'
  | 'below_margin'
  | 'no_worse_candidate';

/** The filters and choices an export was made with, as its data card records them. */
export interface ExportFilters {
  kinds: FeedbackKind[];
  minAgreement?: number;
  missingAgreement?: 'drop' | 'keep';
  excludedAnnotators: string[];
  rubricVersions?: string[];
  campaignId?: string;
  rankingPairs: 'all' | 'best-vs-random-worse';
  ratingMargin: number;
  bothBadAsNegatives: boolean;
  seed: number;
}

export interface DataCard {
  format: ExportFormat;
  /** False until every line has been read. */
  complete: boolean;
  /** No line was written: not an error, the card says why. */
  empty: boolean;
  note?: string;
  rowsWritten: number;
  /** Lines written, by the kind of feedback they came from. */
  rowsBySource: Partial<Record<FeedbackKind, number>>;
  /** Current, submitted feedback rows read (after the annotator and rubric filters). */
  feedbackRead: Partial<Record<FeedbackKind, number>>;
  /** Rows of the chosen kinds not read, and why. */
  feedbackSkipped: {
    superseded: number;
    notSubmitted: number;
    excludedAnnotators: number;
    otherRubricVersions: number;
  };
  /** Items (a response, a pair, a prompt's ratings; a ranking's pairs one by one) not written. */
  dropped: Partial<Record<DropReason, number>>;
  filters: ExportFilters;
  provenance: {
    untilSequence: number;
    annotators: { total: number; byKind: Record<AnnotatorKind, number> };
    timeRange?: { from: string; to: string };
    rubricVersions: Array<string | null>;
  };
}

export interface FeedbackExport {
  /** JSONL lines (no newline at the end of each), read from the store page by page. */
  readonly lines: AsyncGenerator<string>;
  /** The data card so far; complete once `lines` is done. */
  card(): DataCard;
}

/** One training example before it is written in a format. */
export type TrainingExample =
  | { type: 'sft'; source: FeedbackKind; prompt: Message[]; answer: string }
  | {
      type: 'pair';
      source: FeedbackKind;
      prompt: Message[];
      chosen: string;
      rejected: string;
      /** Ratings only: the two means, kept as score_chosen / score_rejected. */
      scores?: [number, number];
    }
  | {
      type: 'unpaired';
      source: FeedbackKind;
      prompt: Message[];
      completion: string;
      label: boolean;
    };

export type ExampleFamily = TrainingExample['type'];
