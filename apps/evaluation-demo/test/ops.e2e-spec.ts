// How `node dist/main.js` stops on a mistake: one clear message on stderr, exit code 1, no stack
// trace and nothing "started" before it. (/health and /docs: relevancy.e2e-spec.ts.)
import { bootChecks } from '@repo/nest/testing';
import { describe, it } from 'vitest';

describe('boot', () => {
  const main = new URL('../dist/main.js', import.meta.url);
  // Never the app's own data folder.
  const checks = bootChecks(main, {
    env: { DATABASE_URL: 'memory://' },
    badVariable: {
      env: { EVAL_CONCURRENCY: '0' },
      message: 'Invalid configuration:\n  - EVAL_CONCURRENCY: must be between 1 and 32',
    },
  });
  for (const check of checks) it(check.name, check.run);
});
