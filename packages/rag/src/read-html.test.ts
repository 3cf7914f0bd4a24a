import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readHtml } from './read-html.js';

const html = await readFile(new URL('./__fixtures__/corpus/article.html', import.meta.url), 'utf8');
const source = 'article.html';

describe('readHtml', () => {
  it('reads the readable main content with meta tags and links, without nav, footer or scripts', () => {
    const [document, ...rest] = readHtml(html, { source, url: 'https://example.com/posts/llm' });
    expect(rest).toEqual([]);
    expect(document!.text).toContain('This is the main content. vLLM serves models');
    expect(document!.text).toContain('中文段落：连续批处理可以显著提高吞吐量。');
    expect(document!.text).not.toMatch(/navigation menu|Copyright footer|tracking|color: red/);
    // Paragraphs stay apart, and code keeps its indentation.
    expect(document!.text).toContain('for details.\n\nvllm serve qwen3\n  --port 8000');
    expect(document!.metadata).toEqual({
      source,
      url: 'https://example.com/posts/llm',
      title: 'Serving LLMs',
      lang: 'en',
      description: 'How to serve large language models',
      author: 'glmapper',
      keywords: ['llm', 'serving', 'vLLM'],
      links: ['https://example.com/docs/batching'],
    });
  });

  it('selects with a CSS selector and copies chosen meta tags (the seed’s `article p`, author, date)', () => {
    const documents = readHtml(new TextEncoder().encode(html), {
      source,
      selector: 'article p',
      metaTags: ['author', 'date'],
      includeLinks: false,
    });
    expect(documents).toHaveLength(1);
    expect(documents[0]!.text).toBe(
      'This is the main content. vLLM serves models with paged attention, which keeps GPU memory use low and throughput high.\n\n' +
        '中文段落：连续批处理可以显著提高吞吐量。See batching for details.',
    );
    expect(documents[0]!.metadata).toEqual({
      source,
      title: 'Serving LLMs',
      lang: 'en',
      author: 'glmapper',
      date: '2025-06-03',
    });
  });

  it('makes one document per element with groupByElement', () => {
    const documents = readHtml(html, { source, selector: 'article p', groupByElement: true });
    expect(documents.map((d) => d.metadata.elementIndex)).toEqual([0, 1]);
    expect(documents[1]!.text).toMatch(/^中文段落/);
    expect(documents[1]!.metadata.links).toEqual(['/docs/batching']); // no url: kept as written
  });

  it('never selects navigation, even when asked for every link', () => {
    const documents = readHtml(html, { source, selector: 'a' });
    expect(documents[0]!.text).toBe('batching');
  });

  it('keeps markup-like text inside <pre> as text', () => {
    const [document] = readHtml(
      '<main><p>Compare:</p><pre>if (a &lt; b) {\n  return &quot;x&quot;;\n}</pre></main>',
      {
        source: 'code.html',
        selector: 'main',
      },
    );
    expect(document!.text).toBe('Compare:\n\nif (a < b) {\n  return "x";\n}');
  });

  it('rejects an invalid selector as bad input naming the field', () => {
    expect(() => readHtml(html, { source, selector: 'p[' })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        details: [{ field: 'selector', reason: 'is not a valid CSS selector' }],
      }),
    );
  });
});
