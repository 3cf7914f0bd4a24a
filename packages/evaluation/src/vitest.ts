// `expect(run).toPassEval({ minPassRate })` for Vitest: an eval run as a test assertion, failing
// with the cases that did not pass. Importing this module registers the matcher:
//   import '@repo/evaluation/vitest';
import { expect } from 'vitest';
import type { EvalRun } from './eval-run.js';

export interface ToPassEvalOptions {
  /** Default 1: every case must pass. */
  minPassRate?: number;
}

interface EvalMatchers<R = unknown> {
  toPassEval(options?: ToPassEvalOptions): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends EvalMatchers<T> {}
}

export const evalMatchers = {
  toPassEval(received: EvalRun, options: ToPassEvalOptions = {}) {
    const minPassRate = options.minPassRate ?? 1;
    const { passRate, passed, total, cancelled } = received.summary;
    const pass = passRate >= minPassRate && received.status === 'completed';
    const failing = received.results.filter((result) => result.status !== 'passed');
    const lines = failing.slice(0, 10).map((result) => {
      const reason =
        result.error ?? result.assertions.find((assertion) => !assertion.pass)?.reason ?? 'failed';
      return `  ${result.status}: ${result.description} [${result.provider}] — ${reason}`;
    });
    if (failing.length > 10) lines.push(`  … and ${failing.length - 10} more`);
    const rate = `${(passRate * 100).toFixed(1)}% (${passed}/${total - cancelled})`;
    return {
      pass,
      message: () =>
        pass
          ? `expected eval run "${received.name}" not to reach a pass rate of ${minPassRate}, but it passed ${rate}`
          : `expected eval run "${received.name}" to pass at least ${(minPassRate * 100).toFixed(1)}%, got ${rate}${received.status === 'cancelled' ? ' (the run was cancelled)' : ''}:\n${lines.join('\n')}`,
    };
  },
};

expect.extend(evalMatchers);
