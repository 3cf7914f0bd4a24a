// Nest apps under test boot a real module graph, and the embedded model's first reply builds its
// tokenizer (~0.5 s alone, several seconds while turbo runs every workspace's tests at once).
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({ test: { testTimeout: 30_000, hookTimeout: 60_000 } }),
);
