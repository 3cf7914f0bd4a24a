import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from './parse-front-matter.js';
import { readMarkdown } from './read-markdown.js';

const guide = await readFile(new URL('./__fixtures__/corpus/guide.md', import.meta.url), 'utf8');
const source = 'guide.md';
const common = { source, title: 'Inference Guide', tags: ['llm', 'serving'], draft: false };

describe('readMarkdown', () => {
  it('makes one document per section with its heading path, front matter as metadata', () => {
    const documents = readMarkdown(guide, { source });
    expect(documents.map((d) => d.metadata)).toEqual([
      { ...common, headingPath: ['Guide'], section: 'Guide' },
      { ...common, headingPath: ['Guide', 'Install'], section: 'Guide > Install' },
      { ...common, headingPath: ['Guide', '配置'], section: 'Guide > 配置' },
      { ...common, headingPath: ['Guide', '配置', 'Ports'], section: 'Guide > 配置 > Ports' },
    ]);
    expect(documents[0]!.text).toBe('# Guide\n\nThis guide explains how to serve a model.');
    expect(documents[2]!.text).toBe('## 配置\n\n推理服务的配置很简单。设置端口即可。');
  });

  it('keeps a code block whole, even a line in it that looks like a heading', () => {
    const install = readMarkdown(guide, { source })[1]!;
    expect(install.text).toBe(
      '## Install\n\nInstall the server first.\n\n```sh\npip install vllm\n# This is a comment, not a heading\nvllm serve qwen3\n```',
    );
  });

  it('can put code blocks in documents of their own', () => {
    const documents = readMarkdown(guide, { source, separateCodeBlocks: true });
    const code = documents.find((d) => d.metadata.codeLanguage !== undefined)!;
    expect(code.text).toMatch(/^```sh\npip install vllm\n# This is a comment/);
    expect(code.metadata.headingPath).toEqual(['Guide', 'Install']);
    expect(documents.find((d) => d.metadata.section === 'Guide > Install')!.text).not.toContain(
      '```',
    );
  });

  it('ignores front matter when told to, and then titles by the first H1', () => {
    const documents = readMarkdown(guide, { source, frontMatter: false });
    expect(documents[0]!.metadata.title).toBe('Guide');
    expect(documents[0]!.metadata.tags).toBeUndefined();
  });

  it('strips inline markup from headings, skips body-less headings and levels, keeps a preamble', () => {
    const documents = readMarkdown(
      'Intro text.\n\n# A **bold** `title`\n\n### Deep\n\nx\n\n## Back\n\ny',
      {
        source: 'x.md',
      },
    );
    expect(documents.map((d) => d.metadata.headingPath)).toEqual([
      [],
      ['A bold title', 'Deep'],
      ['A bold title', 'Back'],
    ]);
    expect(documents[0]!.metadata.section).toBeUndefined();
  });

  it('splits on horizontal rules when asked (Spring’s withHorizontalRuleCreateDocument)', () => {
    const text = 'one\n\n---\n\ntwo';
    expect(readMarkdown(text, { source: 'x.md' })).toHaveLength(1);
    expect(
      readMarkdown(text, { source: 'x.md', splitOnHorizontalRule: true }).map((d) => d.text),
    ).toEqual(['one', 'two']);
  });
});

describe('parseFrontMatter', () => {
  it('reads scalars, inline and block lists, and keeps the body', () => {
    const parsed = parseFrontMatter(
      '---\ntitle: "Hello: world"\nyear: 2025\nscore: 1.5\nnothing: ~\ntags:\n  - a\n  - b c\ninline: [x, "y"]\n---\nBody',
    );
    expect(parsed).toEqual({
      data: {
        title: 'Hello: world',
        year: 2025,
        score: 1.5,
        nothing: null,
        tags: ['a', 'b c'],
        inline: ['x', 'y'],
      },
      body: 'Body',
    });
  });

  it('leaves a document without front matter alone', () => {
    expect(parseFrontMatter('# Title\n---\n')).toEqual({ data: {}, body: '# Title\n---\n' });
  });
});
