// A source's hash changes with its bytes and with anything that changes its chunks (name, MIME
// type, metadata, reader and splitter settings), and not with the order of settings' keys.
import { describe, expect, it } from 'vitest';
import { sourceHash, sourceName } from './content-hash-source.js';

const bytes = new TextEncoder().encode('# 说明\n\n检索增强生成。');
const source = { bytes, filename: '文档/说明.md' };

describe('sourceHash', () => {
  it('is stable for the same bytes and settings, whatever the key order', () => {
    const a = sourceHash(source, bytes, { split: { chunkSize: 64, chunkOverlap: 8 } });
    const b = sourceHash(source, bytes, { split: { chunkOverlap: 8, chunkSize: 64 } });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it('changes with the bytes, the name, the MIME type, the metadata and the settings', () => {
    const base = sourceHash(source, bytes, {});
    const other = new TextEncoder().encode('# 说明\n\n检索增强生成！');
    expect(
      new Set([
        base,
        sourceHash(source, other, {}),
        sourceHash({ ...source, filename: '文档/说明.txt' }, bytes, {}),
        sourceHash({ ...source, mimeType: 'text/plain' }, bytes, {}),
        sourceHash({ ...source, metadata: { lang: 'zh' } }, bytes, {}),
        sourceHash(source, bytes, { split: { chunkSize: 128 } }),
        sourceHash(source, bytes, { split: false }),
        sourceHash(source, bytes, { split: { lengthFunction: (text) => text.length } }),
      ]).size,
    ).toBe(8);
  });
});

describe('sourceName', () => {
  it('is the given source, else the path or file name', () => {
    expect(sourceName({ ...source, source: '上传/说明.md' })).toBe('上传/说明.md');
    expect(sourceName(source)).toBe('文档/说明.md');
    expect(sourceName({ path: '/data/笔记.txt' })).toBe('/data/笔记.txt');
  });
});
