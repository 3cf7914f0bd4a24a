// `ai-eval`: run a suite from the command line with a progress bar, write the reports, and exit
// with a code CI can gate on (0 passed, 1 below --min-pass-rate, 2 invalid suite or arguments).
import { writeFile, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { EvalRun, RunComparison } from './eval-run.js';
import { parseCliArgs, USAGE, type CliOptions, type ReportTarget } from './cli-options.js';
import { formatConsoleReport } from './reporters/console-report.js';
import { renderHtmlReport } from './reporters/html-report.js';
import { parseJsonReport, toJsonReport } from './reporters/json-report.js';
import { toJUnitXml } from './reporters/junit-report.js';
import { createFileCache } from './runner/output-cache.js';
import { runSuite } from './runner/run-suite.js';
import { createModelResolver } from './runner/resolve-models.js';
import { compareRuns } from './statistics.js';
import { loadSuite } from './suite/load-suite.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  signal?: AbortSignal;
}

/** Runs the CLI and returns the exit code (the bin sets `process.exitCode`). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`ai-eval: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (options.command === 'compare') {
      const [before, after] = await Promise.all(options.files.map(readRun));
      io.stdout.write(formatComparison(compareRuns(before!, after!)));
      return 0;
    }
    return await run(options, io);
  } catch (error) {
    io.stderr.write(`ai-eval: ${(error as Error).message}\n`);
    return 2;
  }
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  const suite = await loadSuite(options.files[0]!);
  const previous = options.compare ? await readRun(options.compare) : undefined;
  const cacheDir =
    options.cacheDir ?? join(io.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ai-eval');
  const bar = options.progress ? createBar(io) : undefined;
  const evalRun = await runSuite(suite, {
    models: createModelResolver({
      env: io.env,
      ...(options.retries === undefined ? {} : { retry: { maxRetries: options.retries } }),
    }),
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    judge: options.judge,
    cache: options.cache ? createFileCache(cacheDir) : false,
    signal: io.signal,
    onProgress: (progress) => {
      if (progress.done === 1) bar?.start(progress.total, 0, { passed: 0, failed: 0 });
      bar?.update(progress.done, {
        passed: progress.passed,
        failed: progress.failed + progress.errors,
      });
    },
  });
  bar?.stop();
  const comparison = previous ? compareRuns(previous, evalRun) : undefined;
  for (const target of options.targets) await writeReport(target, evalRun, comparison, io);
  if (options.console)
    io.stderr.write(`${formatConsoleReport(evalRun, { color: io.stderr.isTTY === true })}\n`);
  else io.stderr.write(`${summaryLine(evalRun)}\n`);
  if (comparison) io.stderr.write(formatComparison(comparison));
  const failed = evalRun.summary.passRate < options.minPassRate;
  if (failed)
    io.stderr.write(
      `ai-eval: pass rate ${percent(evalRun.summary.passRate)} is below --min-pass-rate ${percent(options.minPassRate)}\n`,
    );
  if (evalRun.status === 'cancelled') return 130;
  return failed ? 1 : 0;
}

async function writeReport(
  target: ReportTarget,
  evalRun: EvalRun,
  comparison: RunComparison | undefined,
  io: CliIo,
) {
  const text =
    target.reporter === 'json'
      ? toJsonReport(evalRun)
      : target.reporter === 'junit'
        ? toJUnitXml(evalRun)
        : renderHtmlReport(evalRun, comparison ? { comparison } : {});
  if (target.file === undefined) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  else {
    await writeFile(target.file, text);
    io.stderr.write(`ai-eval: wrote ${target.reporter} report to ${target.file}\n`);
  }
}

async function readRun(path: string): Promise<EvalRun> {
  return parseJsonReport(await readFile(path, 'utf8'));
}

function createBar(io: CliIo) {
  return new cliProgress.SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format:
      'eval [{bar}] {value}/{total} cases · {passed} passed · {failed} failed · {eta_formatted} left',
    hideCursor: true,
    // In CI (not a terminal) print a line every few seconds instead of nothing.
    noTTYOutput: io.stderr.isTTY !== true,
    notTTYSchedule: 5000,
    clearOnComplete: io.stderr.isTTY === true,
  });
}

function summaryLine(evalRun: EvalRun): string {
  const { passed, total, passRate, errors } = evalRun.summary;
  return `passed ${passed}/${total} (${percent(passRate)}) · errors ${errors}${evalRun.summary.heuristic ? ' · scores include offline heuristics' : ''}`;
}

function formatComparison(comparison: RunComparison): string {
  const lines = [
    `${comparison.a.name} → ${comparison.b.name}: pass rate ${percent(comparison.a.passRate)} → ${percent(comparison.b.passRate)} (Δ ${(comparison.passRateDelta * 100).toFixed(1)} pp, 95% CI ${(comparison.ci95[0] * 100).toFixed(1)} to ${(comparison.ci95[1] * 100).toFixed(1)} pp)`,
    `${comparison.flipped.length} case(s) flipped:`,
    ...comparison.flipped.map(
      (flip) => `  ${flip.before} → ${flip.after}  ${flip.description}  (${flip.id})`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
