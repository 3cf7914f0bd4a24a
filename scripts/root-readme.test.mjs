// The root README's quick-start call, checked like every other README (HOUSE-STYLE rule 18).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('the root README quick start answers as documented', () => {
  const root = new URL('..', import.meta.url).pathname;
  const result = spawnSync(process.execPath, ['scripts/check-readme.mjs', 'README.md'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /check-readme: 2 passed, 0 failed/);
});
