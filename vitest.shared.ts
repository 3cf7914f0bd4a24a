// Shared Vitest settings for every workspace: live tests (hosted APIs, keys needed) are left to
// `npm run test:live`, and each run writes a JSON report that `scripts/test-summary.mjs` totals for CI.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '**/*.live.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // A hang guard, not a speed check: turbo runs every workspace's tests at once on 2 cores, and
    // local-llm's first request loads its tokenizer, which then takes seconds instead of 0.5 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
