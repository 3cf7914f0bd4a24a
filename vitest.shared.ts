// Shared Vitest settings for every workspace: live tests (hosted APIs, keys needed) are left to
// `npm run test:live`, and each run writes a JSON report that `scripts/test-summary.mjs` totals for CI.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '**/*.live.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
