// Export options checked and resolved before anything is read: a bad filter fails at once (an
// InvalidInputError naming the option), not after half a file has been written.
import type { FeedbackKind } from '../store/feedback-types.js';
import { FEEDBACK_KINDS } from '../store/feedback-types.js';
import { FieldChecks } from '../store/field-checks.js';
import { MAX_PAGE_SIZE } from '../store/feedback-query.js';
import type { ExampleFamily, ExportFilters, ExportFormat, ExportOptions } from './export-types.js';
import { EXPORT_FORMATS } from './export-types.js';
import { FAMILY_OF } from './format-lines.js';

/** The kinds each kind of example can come from, in the order an export reads them. */
const KINDS_OF: Record<ExampleFamily, readonly FeedbackKind[]> = {
  sft: ['correction', 'thumbs'],
  pair: ['pairwise', 'ranking', 'rating', 'correction'],
  unpaired: ['thumbs', 'pairwise'],
};

export interface ExportPlan extends ExportFilters {
  format: ExportFormat;
  family: ExampleFamily;
  agreement?: ReadonlyMap<string, number>;
  missingAgreement: 'drop' | 'keep';
  pageSize: number;
  untilSequence?: number;
}

export function planExport(options: ExportOptions): ExportPlan {
  const checks = new FieldChecks();
  const format = checks.oneOf(options.format, 'format', EXPORT_FORMATS);
  const family = FAMILY_OF[format];
  const bothBadAsNegatives = options.bothBadAsNegatives === true;
  // KTO reads pairwise votes only for their both-bad verdicts, and only when asked to.
  const usable = KINDS_OF[family].filter(
    (kind) => family !== 'unpaired' || kind !== 'pairwise' || bothBadAsNegatives,
  );
  const wanted = checks.array(
    options.kinds ?? usable,
    'kinds',
    1,
    FEEDBACK_KINDS.length,
  ) as FeedbackKind[];
  for (const [i, kind] of wanted.entries())
    if (!usable.includes(kind))
      checks.fail(`kinds[${i}]`, `must be one of ${usable.join(', ')} for ${format}`);
  const { agreement, minAgreement, rubricVersions, campaignId } = options;
  if (minAgreement !== undefined) {
    if (!Number.isFinite(minAgreement)) checks.fail('minAgreement', 'must be a finite number');
    if (!(agreement instanceof Map))
      checks.fail('agreement', 'must be a Map of item key to agreement when minAgreement is set');
  }
  const excluded = options.excludeAnnotators ?? new Set<string>();
  if (!(excluded instanceof Set) || excluded.size > 10_000)
    checks.fail('excludeAnnotators', 'must be a Set of at most 10000 annotator ids');
  const plan: ExportPlan = {
    format,
    family,
    kinds: usable.filter((kind) => wanted.includes(kind)),
    agreement,
    minAgreement,
    missingAgreement: checks.oneOf(options.missingAgreement ?? 'drop', 'missingAgreement', [
      'drop',
      'keep',
    ] as const),
    excludedAnnotators: (excluded instanceof Set ? [...excluded] : [])
      .map((id, i) => checks.id(id, `excludeAnnotators[${i}]`))
      .sort(),
    rubricVersions:
      rubricVersions &&
      checks
        .array(rubricVersions, 'rubricVersions', 1, 1000)
        .map((v, i) => checks.id(v, `rubricVersions[${i}]`)),
    campaignId: checks.optional(campaignId, (id) => checks.id(id, 'campaignId')),
    rankingPairs: checks.oneOf(options.rankingPairs ?? 'all', 'rankingPairs', [
      'all',
      'best-vs-random-worse',
    ] as const),
    ratingMargin: options.ratingMargin ?? 0,
    bothBadAsNegatives,
    seed: checks.integer(options.seed ?? 0, 'seed', 0, 2 ** 32 - 1),
    pageSize: checks.integer(options.pageSize ?? 500, 'pageSize', 1, MAX_PAGE_SIZE),
    untilSequence: checks.optional(options.untilSequence, (n) =>
      checks.integer(n, 'untilSequence', 0, Number.MAX_SAFE_INTEGER),
    ),
  };
  if (!(plan.ratingMargin >= 0 && Number.isFinite(plan.ratingMargin)))
    checks.fail('ratingMargin', 'must be a number of at least 0');
  checks.throwIfInvalid('export options');
  return plan;
}
