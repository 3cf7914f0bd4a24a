// A dataset as the API answers it (the contract's `Dataset`): the validation report of
// @repo/fine-tuning reshaped into one issue list with line and severity, the statistics the page
// shows and the estimate. Built once at upload and stored as is.
import {
  ISSUE_SEVERITY,
  type DatasetIssue,
  type DatasetReport,
  type Summary,
} from '@repo/fine-tuning';

/** Issues kept in a dataset's answer; `issuesTotal` counts them all. */
export const MAX_ISSUES = 200;

export interface IssueJson {
  line: number | null;
  code: string;
  severity: 'error' | 'warning';
  field?: string;
  message: string;
}

export interface SummaryJson {
  /** Sum over the examples (an addition to the contract's Summary). */
  total: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export interface EstimateJson {
  model: string;
  epochs: number;
  billedTokens: number;
  priceUsd: number | null;
  note?: string;
}

export type DatasetSource = 'upload' | 'feedback-dpo-trl converted';

export interface DatasetJson {
  id: string;
  filename: string;
  bytes: number;
  createdAt: string;
  format: 'sft' | 'dpo' | 'completion' | 'unknown';
  ok: boolean;
  issues: IssueJson[];
  issuesTotal: number;
  stats: {
    examples: number;
    messages: SummaryJson;
    tokens: SummaryJson;
    assistantTokens: SummaryJson;
    truncated: number;
    roles: Record<string, number>;
    toolUse: number;
    duplicates: number;
  };
  estimate: EstimateJson | null;
  source: DatasetSource;
}

export function toIssueJson(issue: DatasetIssue): IssueJson {
  return {
    line: issue.line === 0 ? null : issue.line,
    code: issue.code,
    severity: ISSUE_SEVERITY[issue.code],
    ...(issue.field === '' ? {} : { field: issue.field }),
    message: issue.reason,
  };
}

const summary = ({ total, p50, p95, max, mean }: Summary): SummaryJson => ({
  total,
  p50,
  p95,
  max,
  mean: Math.round(mean * 100) / 100,
});

/** Errors first, then warnings, each in line order; at most MAX_ISSUES. */
export function issuesOf(report: DatasetReport, extra: IssueJson[] = []): IssueJson[] {
  const byLine = (a: IssueJson, b: IssueJson) => (a.line ?? 0) - (b.line ?? 0);
  const errors = [...extra, ...report.errors.map(toIssueJson)].sort(byLine);
  const warnings = report.warnings.map(toIssueJson).sort(byLine);
  return [...errors, ...warnings].slice(0, MAX_ISSUES);
}

export function statsOf(report: DatasetReport): DatasetJson['stats'] {
  const { stats } = report;
  return {
    examples: stats.examples,
    messages: summary(stats.messagesPerExample),
    tokens: summary(stats.tokensPerExample),
    assistantTokens: summary(stats.assistantTokensPerExample),
    truncated: stats.overContext,
    roles: stats.roles,
    toolUse: stats.examplesWithTools,
    duplicates: stats.duplicates,
  };
}
