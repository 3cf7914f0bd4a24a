// The data card written beside an export: what was read and skipped (counted in SQL, never by
// loading rows), what was written and dropped and why, the filters, and provenance (annotators,
// time range, rubric versions) of the feedback read.
import type { FeedbackQuery, FeedbackStore } from '../store/feedback-store.js';
import type { FeedbackKind } from '../store/feedback-types.js';
import type { DataCard, DropReason, ExportFilters, TrainingExample } from './export-types.js';
import type { ExportPlan } from './plan-export.js';

export class DataCardBuilder {
  private readonly card: DataCard;

  constructor(private readonly plan: ExportPlan) {
    this.card = {
      format: plan.format,
      complete: false,
      empty: true,
      rowsWritten: 0,
      rowsBySource: zeros(plan.kinds),
      feedbackRead: zeros(plan.kinds),
      feedbackSkipped: {
        superseded: 0,
        notSubmitted: 0,
        excludedAnnotators: 0,
        otherRubricVersions: 0,
      },
      dropped: {},
      filters: filtersOf(plan),
      provenance: {
        untilSequence: 0,
        annotators: { total: 0, byKind: { end_user: 0, expert: 0, crowd: 0, model: 0 } },
        rubricVersions: [],
      },
    };
  }

  /** The query each export pass reads, per kind. */
  readQuery(untilSequence: number): FeedbackQuery {
    const { plan } = this;
    return {
      untilSequence,
      excludeAnnotatorIds: plan.excludedAnnotators,
      ...(plan.rubricVersions ? { rubricVersions: plan.rubricVersions } : {}),
      ...(plan.campaignId ? { campaignId: plan.campaignId } : {}),
    };
  }

  /** Each count narrows the one before by one filter; the differences are what it removed. */
  async describeSource(store: FeedbackStore, untilSequence: number): Promise<void> {
    const base: FeedbackQuery = {
      kinds: this.plan.kinds,
      untilSequence,
      campaignId: this.plan.campaignId,
    };
    const [stored, current, submitted, kept, read] = await Promise.all([
      store.countFeedback({ ...base, status: 'any', includeSuperseded: true }),
      store.countFeedback({ ...base, status: 'any' }),
      store.countFeedback(base),
      store.countFeedback({ ...base, excludeAnnotatorIds: this.plan.excludedAnnotators }),
      store.summarizeFeedback({ ...this.readQuery(untilSequence), kinds: this.plan.kinds }),
    ]);
    for (const kind of this.plan.kinds) this.card.feedbackRead[kind] = read.byKind[kind];
    this.card.feedbackSkipped = {
      superseded: stored.total - current.total,
      notSubmitted: current.total - submitted.total,
      excludedAnnotators: submitted.total - kept.total,
      otherRubricVersions: kept.total - read.total,
    };
    this.card.provenance = {
      untilSequence,
      annotators: read.annotators,
      ...(read.timeRange && {
        timeRange: { from: read.timeRange.from.toISOString(), to: read.timeRange.to.toISOString() },
      }),
      rubricVersions: read.rubricVersions,
    };
  }

  written(example: TrainingExample): void {
    this.card.rowsWritten += 1;
    this.card.rowsBySource[example.source] = (this.card.rowsBySource[example.source] ?? 0) + 1;
  }

  dropped(reason: DropReason, count = 1): void {
    this.card.dropped[reason] = (this.card.dropped[reason] ?? 0) + count;
  }

  finish(): void {
    const { card } = this;
    card.complete = true;
    card.empty = card.rowsWritten === 0;
    if (!card.empty) return;
    const read = Object.values(card.feedbackRead).reduce((sum, n) => sum + n, 0);
    card.note =
      read === 0
        ? 'Empty export: no current, submitted feedback of these kinds matched the filters.'
        : 'Empty export: feedback was read, but every item was dropped (see dropped).';
  }

  snapshot(): DataCard {
    return structuredClone(this.card);
  }
}

/** The plan less what is not a filter; the agreement settings only when agreement filtered. */
function filtersOf(plan: ExportPlan): ExportFilters {
  const {
    format: _f,
    family: _y,
    agreement: _a,
    pageSize: _p,
    untilSequence: _u,
    ...filters
  } = plan;
  const { minAgreement, missingAgreement, ...rest } = filters;
  return minAgreement === undefined ? rest : { ...rest, minAgreement, missingAgreement };
}

function zeros(kinds: readonly FeedbackKind[]): Partial<Record<FeedbackKind, number>> {
  return Object.fromEntries(kinds.map((kind) => [kind, 0]));
}
