// `ai-ft stats FILE`: the statistics of the validation pass as a table (distributions as p50,
// p95, max), or the stats object with --json. Statistics cover the lines without errors.
import { type CliIo, type Flags, formatCount } from '@repo/core/cli';
import { inputFile } from './flags.js';
import { formatFigure, table } from './format.js';
import type { DatasetStats } from '../dataset/dataset-stats.js';
import type { Summary } from '../dataset/distribution.js';
import { checkFile } from './check-file.js';

function distributionRows(stats: DatasetStats): string[] {
  const rows: [string, Summary][] = [
    ['messages per example', stats.messagesPerExample],
    ['tokens per example', stats.tokensPerExample],
    ['assistant tokens per example', stats.assistantTokensPerExample],
  ];
  const cell = (value: string) => value.padStart(10);
  return [
    `  ${''.padEnd(30)}${['p50', 'p95', 'max', 'total'].map(cell).join('')}`,
    ...rows.map(
      ([label, s]) =>
        `  ${label.padEnd(30)}${[s.p50, s.p95, s.max].map((n) => cell(formatFigure(n))).join('')}` +
        cell(formatCount(s.total)),
    ),
  ];
}

export function statsTable(file: string, stats: DatasetStats, overlap?: number): string[] {
  const roles = Object.entries(stats.roles)
    .map(([role, n]) => `${role} ${formatCount(n)}`)
    .join(', ');
  const rows: [string, string][] = [
    ['lines', formatCount(stats.lines)],
    ['examples (valid)', formatCount(stats.examples)],
    ['lines with errors', formatCount(stats.invalidExamples)],
    [`over the ${formatCount(stats.contextTokens)}-token cap`, formatCount(stats.overContext)],
    ['billed tokens per epoch', formatCount(stats.billingTokens)],
    ['tool calls', formatCount(stats.toolCalls)],
    ['examples using tools', formatCount(stats.examplesWithTools)],
    ['without a system message', formatCount(stats.missingSystem)],
    ['without a user message', formatCount(stats.missingUser)],
    ['duplicates', formatCount(stats.duplicates)],
    ...(overlap === undefined
      ? []
      : [['validation rows also in training', formatCount(overlap)] as [string, string]]),
  ];
  return [
    `${file}: ${stats.format ?? 'unknown format'}, ${stats.encoding} tokens`,
    ...distributionRows(stats),
    ...table(rows, 30),
    `  roles: ${roles || 'none'}`,
  ];
}

export async function statsVerb(flags: Flags, io: CliIo): Promise<number> {
  const file = inputFile(flags, 'the training file (JSONL)');
  const report = await checkFile(file, flags, io);
  const overlap = report.validation?.overlap;
  if (flags.boolean('json')) {
    const out =
      overlap === undefined ? report.stats : { ...report.stats, validationOverlap: overlap };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const lines = statsTable(file, report.stats, overlap);
  if (!report.ok)
    lines.push(`Lines with errors are not counted: \`ai-ft validate ${file}\` lists them.`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
