// The root README's quick-start calls, checked like every other README (docs/conventions.md rule 18).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCheckReadme } from './lib/run-check-readme.mjs';

test('the root README quick start answers as documented', async () => {
  const { code, output } = await runCheckReadme(fileURLToPath(new URL('..', import.meta.url)));
  assert.equal(code, 0, output);
  assert.match(output, /check-readme: 2 passed, 0 failed/);
});
