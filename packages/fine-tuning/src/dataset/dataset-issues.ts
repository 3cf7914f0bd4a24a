// The problems a dataset check reports, one per line and field, and the log that keeps a bounded
// number of them while counting all. Codes reuse the OpenAI cookbook's error keys where they map
// (data_type, missing_messages_list, message_missing_key, message_unrecognized_key,
// unrecognized_role, missing_content, example_missing_assistant_message).

export const ISSUE_SEVERITY = {
  // reading the file
  invalid_utf8: 'error',
  line_too_long: 'error',
  bom: 'error',
  blank_line: 'error',
  crlf_line_endings: 'warning',
  invalid_json: 'error',
  // the row's shape
  data_type: 'error',
  unrecognized_key: 'error',
  invalid_value: 'error',
  missing_messages_list: 'error',
  message_missing_key: 'error',
  message_unrecognized_key: 'error',
  unrecognized_role: 'error',
  missing_content: 'error',
  example_missing_assistant_message: 'error',
  invalid_weight: 'error',
  weight_on_non_assistant: 'error',
  tool_call_unanswered: 'error',
  tool_result_without_call: 'error',
  dpo_output_count: 'error',
  dpo_identical_outputs: 'error',
  // worth a look, not fatal
  missing_system_message: 'warning',
  missing_user_message: 'warning',
  over_context: 'warning',
  duplicate_example: 'warning',
  train_validation_overlap: 'warning',
  too_few_examples: 'warning',
} as const;

export type IssueCode = keyof typeof ISSUE_SEVERITY;

export interface DatasetIssue {
  /** 1-based line of the file; 0 for the file as a whole. */
  line: number;
  code: IssueCode;
  /** The field at fault (`messages[2].role`); '' for the whole line. */
  field: string;
  reason: string;
}

/** What a row checker calls for each problem; the caller adds the line. */
export type ReportIssue = (code: IssueCode, field: string, reason: string) => void;

/** Keeps the first `limit` errors and warnings, and counts every one of them by code. */
export class IssueLog {
  readonly errors: DatasetIssue[] = [];
  readonly warnings: DatasetIssue[] = [];
  readonly counts: Partial<Record<IssueCode, number>> = {};
  errorCount = 0;
  warningCount = 0;

  constructor(
    private readonly maxErrors: number,
    private readonly maxWarnings: number,
  ) {}

  add(issue: DatasetIssue): void {
    this.counts[issue.code] = (this.counts[issue.code] ?? 0) + 1;
    if (ISSUE_SEVERITY[issue.code] === 'error') {
      this.errorCount += 1;
      if (this.errors.length < this.maxErrors) this.errors.push(issue);
    } else {
      this.warningCount += 1;
      if (this.warnings.length < this.maxWarnings) this.warnings.push(issue);
    }
  }
}
