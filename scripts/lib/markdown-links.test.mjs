// Unit tests for the pure Markdown link helpers. Run: node scripts/run-script-tests.mjs
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkLink,
  findBrokenLinks,
  findLinks,
  githubSlug,
  headingAnchors,
} from './markdown-links.mjs';

const md = (/** @type {string[]} */ ...lines) => lines.join('\n');

/** A repository in memory: files by path; folders are the ones holding a file. */
function fakeRepo(/** @type {Record<string, string>} */ files) {
  const present = new Set(Object.keys(files));
  for (const file of Object.keys(files)) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) present.add(parts.slice(0, i).join('/'));
  }
  return {
    exists: (/** @type {string} */ p) => present.has(p),
    read: (/** @type {string} */ p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`no file ${p}`);
      return text;
    },
  };
}

describe('githubSlug', () => {
  it('makes the anchors GitHub makes', () => {
    assert.equal(githubSlug('Provider configuration'), 'provider-configuration');
    assert.equal(githubSlug('Error body'), 'error-body');
    assert.equal(githubSlug('@repo/mcp'), 'repomcp');
    assert.equal(githubSlug('ETL: read → split'), 'etl-read--split');
    assert.equal(githubSlug('tool_context and return-direct'), 'tool_context-and-return-direct');
    assert.equal(githubSlug('中文 标题'), '中文-标题');
  });
});

describe('headingAnchors', () => {
  it('collects ATX and setext headings, numbers repeats, skips code and keeps explicit anchors', () => {
    const anchors = headingAnchors(
      md(
        '# Title',
        '## `ChatClient` and [links](x.md)',
        '## Title',
        'Setext',
        '------',
        '```md',
        '## Not a heading',
        '```',
        '<a id="custom-anchor"></a>',
        '| a | b |',
        '| - | - |',
      ),
    );
    assert.deepEqual(
      [...anchors].sort(),
      ['chatclient-and-links', 'custom-anchor', 'setext', 'title', 'title-1'].sort(),
    );
  });
});

describe('findLinks', () => {
  it('finds inline links, images, angle brackets, titles and reference definitions', () => {
    const links = findLinks(
      md(
        'See [a](docs/a.md) and ![b](img/b.png "a title").', // 1
        'Also [c](<with space.md>) and [d](x.md#part).', // 2
        '[ref]: ../other.md', // 3
        '[^1]: a footnote, not a link', // 4
        'Parens: [e](file(1).md).', // 5
      ),
    );
    assert.deepEqual(links, [
      { line: 1, target: 'docs/a.md' },
      { line: 1, target: 'img/b.png' },
      { line: 2, target: 'with space.md' },
      { line: 2, target: 'x.md#part' },
      { line: 3, target: '../other.md' },
      { line: 5, target: 'file(1).md' },
    ]);
  });

  it('ignores fenced code, code spans and HTML comments', () => {
    const links = findLinks(
      md(
        '```md',
        '[in fence](missing.md)',
        '```',
        'Code `[span](missing.md)` here.',
        '<!-- [comment](missing.md) -->',
        '<!--',
        '[multi-line comment](missing.md)',
        '-->',
        '[kept](kept.md)',
      ),
    );
    assert.deepEqual(links, [{ line: 9, target: 'kept.md' }]);
  });
});

describe('checkLink', () => {
  const repo = fakeRepo({
    'README.md': '# Root\n',
    'docs/architecture.md': '# Architecture\n\n## Error body\n',
    'packages/core/README.md': '# @repo/core\n',
    'packages/core/src/index.ts': '',
  });

  it('accepts files, folders, root-relative paths and existing headings', () => {
    for (const target of [
      'docs/architecture.md',
      'docs/architecture.md#error-body',
      'packages/core',
      'packages/core/',
      '/docs/architecture.md',
      './README.md?plain=1',
    ]) {
      assert.equal(checkLink('README.md', target, repo), null, target);
    }
    assert.equal(checkLink('packages/core/README.md', '../../README.md#root', repo), null);
    assert.equal(checkLink('packages/core/README.md', 'src/index.ts#L1', repo), null);
  });

  it('leaves URLs, mail and same-file anchors alone', () => {
    for (const target of ['https://x.dev/a.md', 'http://x', 'mailto:a@b.c', '#anything']) {
      assert.equal(checkLink('README.md', target, repo), null, target);
    }
  });

  it('reports a missing file, a missing heading and a path out of the repository', () => {
    assert.equal(checkLink('README.md', 'docs/missing.md', repo), 'docs/missing.md does not exist');
    assert.equal(
      checkLink('packages/core/README.md', '../../docs/architecture.md#ports', repo),
      'docs/architecture.md has no heading #ports',
    );
    assert.equal(
      checkLink('README.md', '../outside/x.md', repo),
      '../outside/x.md leaves the repository',
    );
  });
});

describe('findBrokenLinks', () => {
  it('lists each broken link with its file and line', () => {
    const repo = fakeRepo({
      'README.md': md('# Root', '[ok](docs/a.md)', '[broken](docs/b.md)'),
      'docs/a.md': md('# A', '[up](../README.md#root)', '[gone](../README.md#nope)'),
    });
    assert.deepEqual(findBrokenLinks(['README.md', 'docs/a.md'], repo), [
      { file: 'README.md', line: 3, target: 'docs/b.md', reason: 'docs/b.md does not exist' },
      {
        file: 'docs/a.md',
        line: 3,
        target: '../README.md#nope',
        reason: 'README.md has no heading #nope',
      },
    ]);
  });
});
