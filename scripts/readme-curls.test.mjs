// Every curl call in a README shows its errors (`-sS`, not a bare `-s`): a reader who copies one
// while the app is down sees "Failed to connect" instead of nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseReadme, silentCurls } from './lib/readme-calls.mjs';
import { repoMarkdown } from './lib/repo-markdown.mjs';

test('no README curl call is silent about its errors', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { markdown, repo } = repoMarkdown(root);
  const readmes = markdown.filter((file) => /(^|\/)README\.md$/.test(file));
  assert.ok(readmes.length > 10, `only ${readmes.length} READMEs found`);
  const silent = readmes.flatMap((file) =>
    parseReadme(repo.read(file)).calls.flatMap((call) =>
      silentCurls(call.command).map((curl) => `${file}:${call.line}: ${curl}`),
    ),
  );
  assert.deepEqual(silent, [], `use -sS:\n${silent.join('\n')}`);
});
