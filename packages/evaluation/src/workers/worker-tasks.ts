// What the evaluation worker threads do: grade a case's checks on its output, or parse a suite
// that came over the network. Plain data in, plain data out (structured clones); errors travel as
// PlainError. Runs in the worker (eval-worker.ts) and nowhere else.
import type { AssertionOutcome, GradeBatch } from '../assertions/assertion-context.js';
import { OUTPUT_CHECKS } from '../assertions/output-checks.js';
import type { EvalSuite } from '../suite/eval-suite.js';
import { parseSuite, parseSuiteText, type ParseSuiteOptions } from '../suite/load-suite.js';
import { toPlainError, type PlainError } from './worker-errors.js';

/** A suite as text (YAML or JSON) or as an already parsed object. */
export type SuiteSourceData = string | Record<string, unknown>;

export type WorkerTask =
  | { kind: 'grade'; batch: GradeBatch }
  | { kind: 'parse-suite'; source: SuiteSourceData; options: ParseSuiteOptions };

export type WorkerReply<T = unknown> = { ok: true; value: T } | { ok: false; error: PlainError };

export function runWorkerTask(task: WorkerTask): WorkerReply<AssertionOutcome[] | EvalSuite> {
  try {
    return { ok: true, value: perform(task) };
  } catch (error) {
    return { ok: false, error: toPlainError(error) };
  }
}

function perform(task: WorkerTask): AssertionOutcome[] | EvalSuite {
  if (task.kind === 'parse-suite')
    return typeof task.source === 'string'
      ? parseSuiteText(task.source, task.options)
      : parseSuite(task.source, task.options);
  const { output, checks } = task.batch;
  return checks.map(({ type, ...assertion }) => {
    const check = OUTPUT_CHECKS[type];
    if (!check) throw new Error(`No check on the output for assertion type "${type}"`);
    return check(assertion, output);
  });
}
