// Contextual chunks (issue 17): each chunk carries its document title, heading path and file name
// as `context`; a heading never ends a chunk whose text is in the next one; small Markdown sections
// merge with their neighbours under the same parent heading, never across parents.
import { describe, expect, it } from 'vitest';
import { countTokens } from './count-tokens.js';
import { readMarkdown } from './read-markdown.js';
import { splitDocuments } from './split-documents.js';

const chinese = Array.from(
  { length: 40 },
  (_, i) => `第${i}句话介绍向量检索和分块，并说明上下文的作用`,
).join('，');

const guide = `---
title: 部署指南
---
# 部署指南

## 安装

${'安装服务之前，先准备好模型文件和配置。'.repeat(30)}

## 配置

${'配置文件里设置端口和并发数量，重启服务后生效。'.repeat(30)}
`;

/** The last non-blank line of a chunk. */
const lastLine = (text: string) => text.trimEnd().split('\n').pop() ?? '';

describe('chunk context', () => {
  it('carries the title, the heading path (Chinese too) and the file name; text stays the chunk', async () => {
    const sections = readMarkdown(guide, { source: 'docs/deploy.md' });
    const chunks = await splitDocuments(sections, { chunkSize: 64, chunkOverlap: 8 });
    const install = chunks.find((c) => c.text.includes('安装服务'))!;
    expect(install.context).toBe('Document: 部署指南 (deploy.md)\nSection: 部署指南 > 安装');
    expect(install.text).not.toContain('Document:');
    const config = chunks.filter((c) => c.text.includes('配置文件'));
    expect(config.length).toBeGreaterThan(1);
    for (const chunk of config) expect(chunk.context).toContain('Section: 部署指南 > 配置');
  });

  it('names the file alone when there is no title, keeps a given context, and can be turned off', async () => {
    const [plain] = await splitDocuments([
      { text: '纯文本。', metadata: { source: '/a/b/说明.txt' } },
    ]);
    expect(plain!.context).toBe('Document: 说明.txt');
    const [given] = await splitDocuments([
      { text: 'text', context: 'mine', metadata: { source: 'a.md', headingPath: ['A'] } },
    ]);
    expect(given!.context).toBe('mine');
    const [off] = await splitDocuments([{ text: 'text', metadata: { source: 'a.txt' } }], {
      context: false,
    });
    expect(off).not.toHaveProperty('context');
  });
});

describe('headings stay with their text', () => {
  it('never ends a chunk with a heading whose text is in the next chunk', async () => {
    // A first paragraph bigger than a chunk: LangChain's splitter made the heading a chunk alone.
    const text = `## 检索\n\n${chinese}\n\n### 细节\n\n${chinese}\n\nEnd.`;
    const chunks = await splitDocuments([{ text, metadata: { source: 'notes.md' } }], {
      chunkSize: 48,
      chunkOverlap: 0,
      mergeSections: false,
    });
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks.slice(0, -1)) expect(lastLine(chunk.text)).not.toMatch(/^#{1,6} /);
    expect(chunks[0]!.text.startsWith('## 检索\n\n第0句话')).toBe(true);
    const detail = chunks.find((c) => c.text.includes('### 细节'))!;
    expect(detail.text).toMatch(/^### 细节\n\n第0句话/);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(48 + 2);
  });
});

describe('merging small sections', () => {
  const markdown = `# 手册

## 安装

很短。

## 配置

也很短。

# 参考

## API

只有一句。

### 细节

一句。

## 命令行

一句话。
`;

  it('merges tiny sections under the same parent, never across parents', async () => {
    const chunks = await splitDocuments(readMarkdown(markdown, { source: 'manual.md' }), {
      mergeSections: true,
    });
    expect(chunks.map((c) => c.text)).toEqual([
      '## 安装\n\n很短。\n\n## 配置\n\n也很短。',
      '## API\n\n只有一句。\n\n### 细节\n\n一句。',
      '## 命令行\n\n一句话。',
    ]);
    expect(chunks.map((c) => c.metadata.headingPath)).toEqual([
      ['手册'],
      ['参考', 'API'],
      ['参考', '命令行'],
    ]);
    expect(chunks[0]!.metadata.section).toBe('手册');
    expect(chunks[0]!.context).toBe('Document: 手册 (manual.md)\nSection: 手册');
    expect(chunks[1]!.context).toContain('Section: 参考 > API');
  });

  it('keeps sections apart by default, and does not merge two sections that are big enough', async () => {
    const separate = await splitDocuments(readMarkdown(markdown, { source: 'manual.md' }));
    expect(separate).toHaveLength(5);
    const body = chinese.slice(0, 240);
    // Each section is over a quarter of a chunk (128 tokens), and both together fit in one.
    expect(countTokens(body)).toBeGreaterThan(128);
    expect(countTokens(body) * 2).toBeLessThan(500);
    const big = `## 甲\n\n${body}\n\n## 乙\n\n${body}`;
    const chunks = await splitDocuments(readMarkdown(big, { source: 'big.md' }), {
      chunkSize: 512,
      mergeSections: true,
    });
    expect(chunks.map((c) => c.metadata.headingPath)).toEqual([['甲'], ['乙']]);
    // A tiny third sibling joins the second; a tiny cousin under another parent stays apart.
    const more = `${big}

## 丙

短。

# 其他

## 丁

短。`;
    const merged = await splitDocuments(readMarkdown(more, { source: 'big.md' }), {
      mergeSections: true,
    });
    expect(merged.map((c) => c.metadata.headingPath)).toEqual([['甲'], [], ['其他', '丁']]);
    expect(merged[1]!.text).toMatch(/^## 乙\n\n[\s\S]*\n\n## 丙\n\n短。$/);
  });
});
