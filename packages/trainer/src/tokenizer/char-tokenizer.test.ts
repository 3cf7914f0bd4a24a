// The tiny GPT's tokenizer: a Chinese character is one token, anything unseen falls back to its
// UTF-8 bytes and comes back whole, role tokens cannot be forged from text, the chat loss mask
// covers the assistant's answers only, and no sequence of ids (random ones included) ever decodes
// to broken UTF-8.
import { createRandom } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { buildCharTokenizer, loadCharTokenizer } from './build-tokenizer.js';
import { BYTE_OFFSET, CHARACTER_OFFSET } from './char-tokenizer.js';

/** Half of a surrogate pair: what a decoder that splits characters would emit. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const CORPUS = [
  '大语言模型是根据上文预测下一个词的神经网络。',
  'A language model predicts the next token.',
];

describe('CharTokenizer', () => {
  const tokenizer = buildCharTokenizer(CORPUS);

  it('makes each Chinese character one token and round-trips the corpus', () => {
    const ids = tokenizer.encode('语言模型');
    expect(ids).toHaveLength(4);
    expect(ids.every((id) => id >= CHARACTER_OFFSET)).toBe(true);
    for (const text of CORPUS) expect(tokenizer.decode(tokenizer.encode(text))).toBe(text);
  });

  it('orders the vocabulary by frequency, then code point, so a corpus always gives the same ids', () => {
    const built = buildCharTokenizer(['bba', '中中中']);
    expect(built.characters).toEqual(['中', 'b', 'a']);
    expect(buildCharTokenizer(['中中中', 'bba']).characters).toEqual(built.characters);
    expect(buildCharTokenizer(CORPUS, { maxCharacters: 3 }).characters).toHaveLength(3);
  });

  it('falls back to UTF-8 bytes for unseen characters (CJK and emoji) and decodes them whole', () => {
    const text = '鲸鱼🐳 café';
    const ids = tokenizer.encode(text);
    // Unseen: 鲸 and 鱼 (3 bytes each), the whale (4), 'f' (1) and 'é' (2); ' ', 'c', 'a' are known.
    expect(ids.filter((id) => id >= BYTE_OFFSET && id < CHARACTER_OFFSET)).toHaveLength(
      3 + 3 + 4 + 1 + 2,
    );
    expect(tokenizer.decode(ids)).toBe(text);
  });

  it('never turns text into a role token', () => {
    const ids = tokenizer.encode('<|assistant|>');
    expect(ids.some((id) => id < BYTE_OFFSET)).toBe(false);
    expect(tokenizer.decode(ids)).toBe('<|assistant|>');
  });

  it('masks the loss to the assistant’s answers and their end tokens', () => {
    const { ids, lossMask } = tokenizer.encodeChat([
      { role: 'system', content: '简短回答。' },
      { role: 'user', content: '什么是模型？' },
      { role: 'assistant', content: '预测下一个词的网络。' },
    ]);
    expect(ids).toHaveLength(lossMask.length);
    const counted = ids.filter((_, i) => lossMask[i]);
    expect(tokenizer.decode(counted)).toBe('预测下一个词的网络。');
    expect(counted.at(-1)).toBe(tokenizer.special('<|end|>'));
    expect(ids[0]).toBe(tokenizer.special('<|bos|>'));
    expect(ids.at(-1)).toBe(tokenizer.special('<|eos|>'));
    const prompt = tokenizer.encodeChat([{ role: 'user', content: '你好' }], { generate: true });
    expect(prompt.ids.at(-1)).toBe(tokenizer.special('<|assistant|>'));
    expect(prompt.lossMask.every((counted) => !counted)).toBe(true);
  });

  it('streams a character only once its last byte arrives, and a broken one as U+FFFD', () => {
    const decoder = tokenizer.streamDecoder();
    const bytes = [...new TextEncoder().encode('鲸')].map((byte) => BYTE_OFFSET + byte);
    expect(bytes.map((id) => decoder.push(id))).toEqual(['', '', '鲸']);
    // A lead byte, then a character: the unfinished sequence is broken.
    expect(decoder.push(BYTE_OFFSET + 0xe9)).toBe('');
    expect(decoder.push(tokenizer.encode('大')[0] as number)).toBe('\uFFFD大');
    expect(decoder.push(BYTE_OFFSET + 0xe9)).toBe('');
    expect(decoder.flush()).toBe('\uFFFD');
  });

  it('decodes any id sequence, random ones included, to well-formed text', () => {
    const random = createRandom(7);
    for (let run = 0; run < 500; run++) {
      const ids = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        Math.floor(random() * tokenizer.size),
      );
      const text = tokenizer.decode(ids);
      expect(text).not.toMatch(LONE_SURROGATE);
      expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
    }
  });

  it('refuses an id outside the vocabulary, naming it', () => {
    expect(() => tokenizer.decode([tokenizer.size])).toThrow(/outside the vocabulary/);
  });

  it('saves with a checkpoint and loads back the same ids; a bad file names the field', () => {
    const loaded = loadCharTokenizer(JSON.parse(JSON.stringify(tokenizer.toJSON())));
    expect(loaded.encode(CORPUS[0] as string)).toEqual(tokenizer.encode(CORPUS[0] as string));
    expect(() => loadCharTokenizer({ kind: 'bpe', version: 1, characters: [] })).toThrow(/kind/);
    expect(() =>
      loadCharTokenizer({ kind: 'char-byte-fallback', version: 1, characters: ['a', 'ab'] }),
    ).toThrow(/characters\[1\] must be one character/);
    expect(() =>
      loadCharTokenizer({ kind: 'char-byte-fallback', version: 1, characters: ['a', 'a'] }),
    ).toThrow(/repeats/);
  });
});
