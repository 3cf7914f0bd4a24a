import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { countTokens } from './count-tokens.js';
import { createTextSplitter, splitDocuments } from './split-documents.js';

const english = Array.from(
  { length: 60 },
  (_, i) => `Sentence number ${i} talks about vector search and retrieval.`,
).join(' ');

describe('splitDocuments', () => {
  it('keeps every chunk within the token budget and copies metadata with chunkIndex', async () => {
    const chunks = await splitDocuments(
      [{ text: english, metadata: { source: 'a.txt', page: 3 } }],
      {
        chunkSize: 40,
        chunkOverlap: 8,
      },
    );
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(40);
    expect(chunks.map((c) => c.metadata.chunkIndex)).toEqual(chunks.map((_, i) => i));
    expect(chunks[2]!.metadata).toEqual({ source: 'a.txt', page: 3, chunkIndex: 2 });
  });

  it('overlaps neighbouring chunks by at most chunkOverlap tokens', async () => {
    const chunks = await splitDocuments([{ text: english, metadata: {} }], {
      chunkSize: 40,
      chunkOverlap: 8,
    });
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1]!.text;
      const current = chunks[i]!.text;
      // The longest word-aligned prefix of this chunk that ends the previous one.
      const words = current.split(' ');
      let shared = '';
      for (let n = words.length; n > 0 && !shared; n--)
        if (previous.endsWith(words.slice(0, n).join(' '))) shared = words.slice(0, n).join(' ');
      expect(shared).not.toBe('');
      expect(countTokens(shared)).toBeLessThanOrEqual(8);
    }
  });

  it('does not overlap when chunkOverlap is 0, and rebuilds the text exactly', async () => {
    const chunks = await splitDocuments([{ text: english, metadata: {} }], {
      chunkSize: 40,
      chunkOverlap: 0,
    });
    expect(chunks.map((c) => c.text).join(' ')).toBe(english);
  });

  it('splits Chinese without spaces at sentence punctuation, which stays with its sentence', async () => {
    const sentences = [
      '大语言模型的推理需要大量显存。',
      '分页注意力把键值缓存切成固定大小的块！',
      '连续批处理让新请求随时加入正在运行的批次？',
      '量化可以进一步降低显存占用；',
      '但是精度可能会有所下降。',
    ];
    const text = sentences.join('').repeat(3);
    const chunks = await splitDocuments([{ text, metadata: { source: 'zh.txt' } }], {
      chunkSize: 30,
      chunkOverlap: 0,
    });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(countTokens(chunk.text)).toBeLessThanOrEqual(30);
      expect(chunk.text).toMatch(/[。！？；]$/); // never cut mid-sentence
      expect(chunk.text).not.toMatch(/^[。！？；，]/); // punctuation did not move to the next chunk
    }
    expect(chunks.map((c) => c.text).join('')).toBe(text);
  });

  it('falls back to clause commas for a long Chinese sentence', async () => {
    const text =
      '向量数据库保存文档的嵌入，检索时计算查询与文档的相似度，返回最相近的若干条结果，再交给模型生成回答。';
    const chunks = await splitDocuments([{ text, metadata: {} }], {
      chunkSize: 14,
      chunkOverlap: 0,
    });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text).toMatch(/[，。]$/);
  });

  it('keeps a Markdown code fence whole, blank lines inside it included, where plain splitting cuts it', async () => {
    const fence =
      '```ts\nconst store = createStore();\n\nawait store.add(documents);\n\nconst hits = await store.search(query);\n```';
    const text = `## Usage\n\n${'Intro words about the store. '.repeat(3)}\n\n${fence}\n\nAfter the code.\n\n## Next\n\n${'More words follow here. '.repeat(6)}`;
    const document = { text, metadata: { source: 'usage.md' } };
    const cutFences = (chunks: { text: string }[]) =>
      chunks.filter((c) => (c.text.match(/```/g)?.length ?? 0) % 2 === 1).length;

    const markdown = await splitDocuments([document], { chunkSize: 40, chunkOverlap: 0 });
    expect(countTokens(fence)).toBeLessThanOrEqual(40);
    expect(cutFences(markdown)).toBe(0);
    expect(markdown.some((c) => c.text.includes(fence))).toBe(true);
    for (const chunk of markdown) expect(countTokens(chunk.text)).toBeLessThanOrEqual(40);
    const plain = await splitDocuments([document], {
      chunkSize: 40,
      chunkOverlap: 0,
      markdown: false,
    });
    expect(cutFences(plain)).toBeGreaterThan(0);
  });

  it('cuts a fence that is larger than a chunk rather than exceed the budget', async () => {
    const fence = `\`\`\`\n${'line of code here\n'.repeat(30)}\`\`\``;
    const chunks = await splitDocuments([{ text: fence, metadata: { source: 'big.md' } }], {
      chunkSize: 30,
      chunkOverlap: 0,
    });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(30);
  });

  it('never cuts a character in two at the last resort', async () => {
    const [chunk] = await createTextSplitter({
      chunkSize: 3,
      chunkOverlap: 0,
      lengthFunction: (t) => [...t].length,
    })
      .splitText('🙂🙂🙂🙂🙂')
      .then((chunks) => chunks);
    expect(chunk).toBe('🙂🙂🙂');
  });

  it('rejects an overlap that is not below the chunk size', () => {
    expect(() => createTextSplitter({ chunkSize: 10, chunkOverlap: 10 })).toThrow(
      InvalidInputError,
    );
  });
});

describe('countTokens', () => {
  it('counts o200k tokens offline, special-token text included', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('<|endoftext|>')).toBeGreaterThan(1);
    expect(countTokens('向量数据库')).toBeGreaterThan(0);
  });
});
