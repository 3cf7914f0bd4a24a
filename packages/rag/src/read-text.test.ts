import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CorruptDocumentError } from './etl-errors.js';
import { readText } from './read-text.js';

const fixture = (name: string) => new URL(`./__fixtures__/corpus/${name}`, import.meta.url);

describe('readText', () => {
  it('reads Chinese UTF-8, drops the BOM and normalises CRLF', async () => {
    const bytes = new Uint8Array(await readFile(fixture('notes.txt')));
    expect(bytes[0]).toBe(0xef); // the fixture really starts with a BOM
    const [document, ...rest] = readText(bytes, { source: 'notes.txt', metadata: { lang: 'zh' } });
    expect(rest).toEqual([]);
    expect(document).toEqual({
      text: '预训练语言模型通过在大规模语料上学习，获得了通用的语言表示能力。\n在下游任务上微调之后，它们往往能取得很好的效果！\n',
      metadata: { lang: 'zh', source: 'notes.txt' },
    });
  });

  it('reads a string as is, without its BOM', () => {
    expect(readText('\uFEFFhello', { source: 's' })[0]?.text).toBe('hello');
  });

  it('reports bytes that are not UTF-8 as a corrupt document naming the file', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]); // "café" in ISO-8859-1
    expect(() => readText(latin1, { source: 'menu.txt' })).toThrow(CorruptDocumentError);
    expect(() => readText(latin1, { source: 'menu.txt' })).toThrow(/"menu.txt".*not valid UTF-8/);
  });
});
