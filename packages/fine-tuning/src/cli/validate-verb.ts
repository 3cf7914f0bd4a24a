// `ai-ft validate FILE`: every problem as `line N  code  field: reason`, the warnings the same
// way, and a summary. Exit 0 when no errors were found (warnings do not fail a file), 1 when
// some were: a script or CI step can gate an upload on it.
import { type CliIo, type Flags, formatCount } from '@repo/core/cli';
import { inputFile } from './flags.js';
import type { DatasetIssue } from '../dataset/dataset-issues.js';
import type { FileReport } from '../dataset/validate-dataset.js';
import { checkFile } from './check-file.js';

export function issueLine(issue: DatasetIssue): string {
  const field = issue.field === '' ? '' : `${issue.field}: `;
  return `line ${issue.line}  ${issue.code}  ${field}${issue.reason}`;
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

function describeFile(name: string, report: FileReport): string[] {
  const lines = report.errors.map(issueLine);
  if (report.errorCount > report.errors.length)
    lines.push(
      `… ${formatCount(report.errorCount - report.errors.length)} more errors not shown (--max-errors)`,
    );
  if (report.warnings.length > 0) lines.push('warnings:', ...report.warnings.map(issueLine));
  if (report.warningCount > report.warnings.length)
    lines.push(`… ${formatCount(report.warningCount - report.warnings.length)} more warnings`);
  const { stats } = report;
  lines.push(
    `${name}: ${report.ok ? 'OK' : 'PROBLEMS'}: ${report.format ?? 'unknown format'}, ` +
      `${plural(stats.lines, 'line')}, ${plural(stats.examples, 'valid example')}, ` +
      `${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}`,
  );
  return lines;
}

export async function validateVerb(flags: Flags, io: CliIo): Promise<number> {
  const file = inputFile(flags, 'the training file (JSONL)');
  const report = await checkFile(file, flags, io);
  if (flags.boolean('json')) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const lines = describeFile(file, report);
    if (report.validation) {
      const validationFile = flags.string('validation') ?? 'validation';
      lines.push(...describeFile(validationFile, report.validation));
    }
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return report.ok ? 0 : 1;
}
