import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { CorruptDocumentError } from './etl-errors.js';
import { readJson, resolveJsonPointer } from './read-json.js';

const chat = await readFile(new URL('./__fixtures__/corpus/chat.json', import.meta.url));
const source = 'chat.json';

describe('readJson', () => {
  it('reads a whole object as one document (the seed’s JsonReader(res, "", ""))', () => {
    const documents = readJson(new Uint8Array(chat), { source });
    expect(documents).toHaveLength(1);
    expect(JSON.parse(documents[0]!.text)).toMatchObject({ id: 'chatcmpl-1', model: 'qwen-plus' });
    expect(documents[0]!.metadata).toEqual({ source, jsonPointer: '' });
  });

  it('uses the chosen keys as `key: value` lines', () => {
    const [document] = readJson(chat.toString(), { source, keys: ['model', 'id', 'missing'] });
    expect(document!.text).toBe('model: qwen-plus\nid: chatcmpl-1');
  });

  it('makes one document per array item under a JSON pointer, keeping Chinese text', () => {
    const documents = readJson(chat.toString(), {
      source,
      pointer: '/choices',
      metadataKeys: ['index', 'finish_reason'],
    });
    expect(documents.map((d) => d.metadata)).toEqual([
      { source, jsonPointer: '/choices/0', index: 0, finish_reason: 'stop' },
      { source, jsonPointer: '/choices/1', index: 1, finish_reason: 'length' },
    ]);
    expect(documents[0]!.text).toContain('你好！我是通义千问。');
  });

  it('reads a pointer to a string leaf as that string', () => {
    const [document] = readJson(chat.toString(), { source, pointer: '/choices/0/message/content' });
    expect(document!.text).toBe('你好！我是通义千问。');
  });

  it('falls back to the whole item when none of the keys is present', () => {
    const [document] = readJson('[{"a":1}]', { source, keys: ['b'] });
    expect(document!.text).toBe('{"a":1}');
  });

  it('rejects invalid JSON as a corrupt document naming the file', () => {
    expect(() => readJson('{"a": ', { source: 'broken.json' })).toThrow(CorruptDocumentError);
    expect(() => readJson('{"a": ', { source: 'broken.json' })).toThrow(/"broken.json"/);
  });
});

describe('resolveJsonPointer (RFC 6901)', () => {
  const doc = { 'a/b': { 'm~n': [10, 20] }, '': 'empty key' };

  it('unescapes ~1 and ~0 and indexes arrays', () => {
    expect(resolveJsonPointer(doc, '/a~1b/m~0n/1')).toBe(20);
    expect(resolveJsonPointer(doc, '/')).toBe('empty key');
    expect(resolveJsonPointer(doc, '')).toBe(doc);
  });

  it('names the missing token and rejects a pointer without a leading slash', () => {
    expect(() => resolveJsonPointer(doc, '/a~1b/m~0n/01')).toThrow(/matches nothing at "01"/);
    expect(() => resolveJsonPointer(doc, 'a')).toThrow(InvalidInputError);
  });
});
