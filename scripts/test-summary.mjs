#!/usr/bin/env node
// Totals the Vitest JSON reports of every workspace (written by vitest.shared.ts) and the TAP
// report of the scripts' node:test suite into one plain
// closing line, `tests: N passed, N failed`, which CI reads. Exit 1 when a report is missing for a
// workspace that has tests, or when anything failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const group of ['packages', 'apps']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const workspace = join(dir, name);
    if (!existsSync(join(workspace, 'package.json'))) continue;
    const scripts = JSON.parse(readFileSync(join(workspace, 'package.json'), 'utf8')).scripts ?? {};
    if (!scripts.test) continue;
    const report = join(workspace, 'test-results', 'vitest.json');
    if (!existsSync(report)) {
      missing.push(`${group}/${name}`);
      continue;
    }
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  }
}
// The scripts' own tests run on node:test and leave a TAP report.
const tap = join(root, 'test-results', 'scripts.tap');
if (existsSync(tap)) {
  const text = readFileSync(tap, 'utf8');
  passed += Number(/^# pass (\d+)$/m.exec(text)?.[1] ?? 0);
  failed += Number(/^# fail (\d+)$/m.exec(text)?.[1] ?? 0);
  skipped += Number(/^# skipped (\d+)$/m.exec(text)?.[1] ?? 0);
} else missing.push('scripts');
if (missing.length > 0) console.error(`no test report for: ${missing.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
