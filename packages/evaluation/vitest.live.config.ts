import { defineConfig } from 'vitest/config';

// Tests against hosted APIs: run with `npm run test:live` and the provider keys in the environment.
export default defineConfig({
  test: { include: ['src/**/*.live.test.ts'], passWithNoTests: true },
});
