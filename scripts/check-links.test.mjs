// The Markdown link check over a whole repository: a planted broken link in a scratch repository is
// found, and this repository has none (every Markdown file git tracks, node_modules excluded).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatLinkProblems } from './lib/markdown-links.mjs';
import { findRepoBrokenLinks } from './lib/repo-markdown.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'check-links-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** @param {Record<string, string>} files */
function writeRepo(files) {
  const git = spawnSync('git', ['init', '-q', scratch], { encoding: 'utf8' });
  assert.equal(git.status, 0, git.stderr);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    writeFileSync(path.join(scratch, file), text);
  }
}

test('finds a broken link planted in a scratch repository', () => {
  writeRepo({
    '.gitignore': 'node_modules/\nignored.md\n',
    'README.md': '# Root\n\n[docs](docs/guide.md) and [ignored](ignored.md)\n',
    'docs/guide.md': '# Guide\n\n## Setup\n\n[back](../README.md#root) [setup](#setup)\n',
    'packages/a/README.md':
      '# A\n\n[guide](../../docs/guide.md#setup) [gone](../../docs/gone.md)\n',
    'ignored.md': '# Ignored by git: a fresh clone does not have it\n',
    'node_modules/dep/README.md': '[not ours](missing.md)\n',
  });
  const { checked, problems } = findRepoBrokenLinks(scratch);
  assert.equal(checked, 3);
  assert.deepEqual(
    problems.map(({ file, line, target }) => ({ file, line, target })),
    [
      { file: 'README.md', line: 3, target: 'ignored.md' },
      { file: 'packages/a/README.md', line: 3, target: '../../docs/gone.md' },
    ],
  );
});

test('no Markdown file of this repository links to a missing file or heading', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { checked, problems } = findRepoBrokenLinks(root);
  assert.ok(checked > 20, `only ${checked} Markdown files found`);
  assert.deepEqual(problems, [], formatLinkProblems(problems));
});
