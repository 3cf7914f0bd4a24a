// Checks one feedback input and brings it to canonical form: candidates sorted (so [A, B] and
// [B, A] are one item), tie groups sorted, a pairwise click turned into a canonical outcome while
// the displayed order is kept for position-bias audits. Every field at fault is reported at once.
import { canonicalizeVote } from '../agreement/pairwise-votes.js';
import type { FeedbackInput, FeedbackKind, FeedbackProvenance } from './feedback-types.js';
import {
  ANNOTATOR_KINDS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  PAIRWISE_CHOICES,
  RATING_SCALES,
} from './feedback-types.js';
import { FEEDBACK_LIMITS, FieldChecks, isRecord } from './field-checks.js';

export interface NormalizedFeedback extends FeedbackProvenance {
  id: string;
  kind: FeedbackKind;
  /** The target, or the candidates sorted. */
  responseIds: string[];
  /** The kind's own fields (comment included), stored as jsonb. */
  value: Record<string, unknown>;
  createdAt?: Date;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

export function normalizeFeedback(input: FeedbackInput): NormalizedFeedback {
  const checks = new FieldChecks();
  const source: Record<string, unknown> = isRecord(input) ? input : {};
  const id = checks.id(source.id, 'id');
  const kind = checks.oneOf(source.kind, 'kind', FEEDBACK_KINDS);
  const annotator = isRecord(source.annotator) ? source.annotator : {};
  const common = {
    id,
    kind,
    annotator: {
      id: checks.id(annotator.id, 'annotator.id'),
      kind: checks.oneOf(annotator.kind, 'annotator.kind', ANNOTATOR_KINDS),
    },
    rubricVersion: checks.optional(source.rubricVersion, (v) => checks.id(v, 'rubricVersion')),
    timeSpentMs: checks.optional(source.timeSpentMs, (v) =>
      checks.integer(v, 'timeSpentMs', 0, WEEK_MS),
    ),
    status: checks.oneOf(source.status ?? 'submitted', 'status', FEEDBACK_STATUSES),
    taskId: checks.optional(source.taskId, (v) => checks.id(v, 'taskId')),
    campaignId: checks.optional(source.campaignId, (v) => checks.id(v, 'campaignId')),
    metadata: checks.optional(source.metadata, (v) => metadataOf(checks, v)),
    createdAt: checks.optional(source.createdAt, (v) => checks.date(v, 'createdAt')),
  };
  const comment = checks.optional(source.comment, (v) =>
    checks.text(v, 'comment', FEEDBACK_LIMITS.commentLength),
  );
  // An unknown kind says nothing about which other fields are wanted: report it alone.
  const known = FEEDBACK_KINDS.includes(source.kind as FeedbackKind);
  const { responseIds, value } = known
    ? KIND_FIELDS[kind](checks, source)
    : { responseIds: [], value: {} };
  checks.throwIfInvalid('feedback');
  return { ...common, responseIds, value: { ...value, comment } };
}

type KindFields = (
  checks: FieldChecks,
  source: Record<string, unknown>,
) => { responseIds: string[]; value: Record<string, unknown> };

const KIND_FIELDS: Record<FeedbackKind, KindFields> = {
  thumbs: (checks, source) => {
    const reasons = checks.array(source.reasons ?? [], 'reasons', 0, FEEDBACK_LIMITS.reasons);
    return {
      responseIds: [checks.id(source.targetId, 'targetId')],
      value: {
        value: checks.oneOf(source.value, 'value', ['up', 'down'] as const),
        reasons: reasons.map((r, i) =>
          checks.text(r, `reasons[${i}]`, FEEDBACK_LIMITS.tagLength, true),
        ),
      },
    };
  },
  rating: (checks, source) => {
    const scale = checks.oneOf(source.scale, 'scale', RATING_SCALES);
    const scores: Record<string, number> = {};
    const entries = isRecord(source.scores) ? Object.entries(source.scores) : [];
    if (entries.length === 0 || entries.length > FEEDBACK_LIMITS.criteria)
      checks.fail('scores', `must score 1 to ${FEEDBACK_LIMITS.criteria} criteria`);
    for (const [criterion, score] of entries) {
      checks.text(criterion, 'scores', FEEDBACK_LIMITS.tagLength, true);
      scores[criterion] = checks.integer(score, `scores.${criterion}`, 1, scale);
    }
    return { responseIds: [checks.id(source.targetId, 'targetId')], value: { scale, scores } };
  },
  pairwise: (checks, source) => {
    const shown = checks
      .array(source.shown, 'shown', 2, 2)
      .map((id, i) => checks.id(id, `shown[${i}]`));
    const [left = '', right = ''] = shown;
    if (left !== '' && left === right) checks.fail('shown', 'must name two different responses');
    const choice = checks.oneOf(source.choice, 'choice', PAIRWISE_CHOICES);
    const strength = checks.optional(source.strength, (v) => checks.integer(v, 'strength', 1, 3));
    if (strength !== undefined && choice !== 'left' && choice !== 'right')
      checks.fail('strength', 'is only given with a left or right choice');
    const { pair, outcome } = canonicalizeVote({
      item: '',
      annotator: '',
      shown: [left, right],
      choice,
    });
    return { responseIds: [...pair], value: { shown, choice, outcome, strength } };
  },
  ranking: (checks, source) => {
    const groups = checks.array(source.ranking, 'ranking', 1, FEEDBACK_LIMITS.rankingCandidates);
    const ranking = groups.map((group, g) =>
      checks
        .array(group, `ranking[${g}]`, 1, FEEDBACK_LIMITS.rankingCandidates)
        .map((id, i) => checks.id(id, `ranking[${g}][${i}]`))
        .sort(),
    );
    const candidates = ranking.flat().sort();
    if (new Set(candidates).size !== candidates.length)
      checks.fail('ranking', 'must name each response once');
    if (candidates.length < 2 || candidates.length > FEEDBACK_LIMITS.rankingCandidates)
      checks.fail('ranking', `must rank 2 to ${FEEDBACK_LIMITS.rankingCandidates} responses`);
    return { responseIds: candidates, value: { ranking } };
  },
  correction: (checks, source) => ({
    responseIds: [checks.id(source.targetId, 'targetId')],
    value: { text: checks.text(source.text, 'text', FEEDBACK_LIMITS.textLength, true) },
  }),
};

function metadataOf(checks: FieldChecks, value: unknown): Record<string, string> {
  const entries = isRecord(value) ? Object.entries(value) : [];
  if (!isRecord(value) || entries.length > FEEDBACK_LIMITS.metadataKeys)
    checks.fail('metadata', `must be an object of at most ${FEEDBACK_LIMITS.metadataKeys} strings`);
  const metadata: Record<string, string> = {};
  for (const [key, text] of entries)
    metadata[key] = checks.text(text, `metadata.${key}`, FEEDBACK_LIMITS.idLength * 5);
  return metadata;
}
