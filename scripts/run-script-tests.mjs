#!/usr/bin/env node
// Runs the scripts' own node:test suites (no shell globs: npm scripts must work on Windows too),
// printing the spec reporter and writing a TAP report for scripts/test-summary.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const scripts = join(root, 'scripts');
const files = [scripts, join(scripts, 'lib')].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.test.mjs'))
    .map((name) => relative(root, join(dir, name))),
);
mkdirSync(join(root, 'test-results'), { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    '--test-reporter-destination=test-results/scripts.tap',
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
