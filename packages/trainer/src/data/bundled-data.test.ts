// The data the trainer ships (data/): both corpora are big enough to pretrain on and keep the
// Chinese vocabulary small, every JSONL line is one of OpenAI's fine-tuning shapes (chat SFT with
// optional per-message weights, and DPO preference pairs), the answers keep to the length limits,
// and both languages are well represented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DATA = new URL('../../data/', import.meta.url);
const CJK = /[\u4e00-\u9fff]/;
const ROLES = ['system', 'user', 'assistant'];

interface Message {
  role: string;
  content: string;
  weight?: number;
}

interface SftRow {
  messages: Message[];
}

interface PreferenceRow {
  input: { messages: Message[] };
  preferred_output: [Message];
  non_preferred_output: [Message];
}

const read = (path: string) => readFileSync(new URL(path, DATA), 'utf8');

/** Parses every line, failing with the line number if one is not JSON. */
function readJsonl<T>(path: string): T[] {
  const lines = read(path).split('\n');
  expect(lines.at(-1)).toBe('');
  return lines.slice(0, -1).map((line, i) => {
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new Error(`${path} line ${i + 1} is not JSON`);
    }
  });
}

const length = (text: string) => [...text].length;

describe('sft.jsonl', () => {
  const rows = readJsonl<SftRow>('sft.jsonl');

  it('has at least 200 chat rows in both languages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const chinese = rows.filter((row) => row.messages.some((m) => CJK.test(m.content)));
    expect(chinese.length).toBeGreaterThanOrEqual(80);
    expect(rows.length - chinese.length).toBeGreaterThanOrEqual(80);
  });

  it('uses known roles, ends on the assistant and keeps to the length limits', () => {
    for (const [i, row] of rows.entries()) {
      const where = `row ${i + 1}`;
      expect(Array.isArray(row.messages), where).toBe(true);
      expect(row.messages.length, where).toBeGreaterThanOrEqual(2);
      for (const message of row.messages) {
        expect(ROLES, where).toContain(message.role);
        expect(typeof message.content, where).toBe('string');
        expect(message.content.length, where).toBeGreaterThan(0);
        if (message.role === 'user') expect(length(message.content), where).toBeLessThanOrEqual(60);
        if (message.role === 'assistant')
          expect(length(message.content), where).toBeLessThanOrEqual(80);
      }
      expect(row.messages.at(-1)?.role, where).toBe('assistant');
      expect(
        row.messages.some((m) => m.role === 'user'),
        where,
      ).toBe(true);
    }
  });

  it('answers in one learnable style: "Sure. …." in English, "好的。…。" in Chinese', () => {
    for (const row of rows)
      for (const { role, content } of row.messages) {
        if (role !== 'assistant') continue;
        if (CJK.test(content)) expect(content).toMatch(/^好的。.*。$/);
        else expect(content).toMatch(/^Sure\. .*\.$/);
      }
  });

  it('puts weights (0 or 1) only on assistant turns, with weight-0 turns in multi-turn rows', () => {
    let zeroWeighted = 0;
    for (const row of rows)
      for (const message of row.messages) {
        if (message.weight === undefined) continue;
        expect(message.role).toBe('assistant');
        expect([0, 1]).toContain(message.weight);
        if (message.weight === 0) {
          zeroWeighted += 1;
          // A skipped turn is context for a later answer, never the last one.
          expect(row.messages.at(-1)).not.toBe(message);
        }
      }
    expect(zeroWeighted).toBeGreaterThanOrEqual(5);
  });
});

describe('preferences.jsonl', () => {
  const rows = readJsonl<PreferenceRow>('preferences.jsonl');

  it('has at least 200 pairs in both languages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const chinese = rows.filter((row) => row.input.messages.some((m) => CJK.test(m.content)));
    expect(chinese.length).toBeGreaterThanOrEqual(80);
    expect(rows.length - chinese.length).toBeGreaterThanOrEqual(80);
  });

  it('pairs one preferred and one different non-preferred assistant answer per prompt', () => {
    for (const [i, row] of rows.entries()) {
      const where = `row ${i + 1}`;
      expect(row.input.messages.length, where).toBeGreaterThanOrEqual(1);
      expect(row.input.messages.at(-1)?.role, where).toBe('user');
      for (const m of row.input.messages) expect(ROLES, where).toContain(m.role);
      expect(row.preferred_output, where).toHaveLength(1);
      expect(row.non_preferred_output, where).toHaveLength(1);
      const [preferred] = row.preferred_output;
      const [rejected] = row.non_preferred_output;
      expect(preferred.role, where).toBe('assistant');
      expect(rejected.role, where).toBe('assistant');
      expect(preferred.content, where).not.toBe(rejected.content);
      expect(length(preferred.content), where).toBeLessThanOrEqual(80);
      expect(length(rejected.content), where).toBeLessThanOrEqual(80);
      expect(preferred.content, where).toMatch(/^(Sure\. .*\.|好的。.*。)$/);
      expect(rejected.content, where).not.toMatch(/^(Sure\. |好的。)/);
    }
  });
});

describe('corpus', () => {
  const en = read('corpus/en.txt');
  const zh = read('corpus/zh.txt');

  it('has at least 40 KB of text in each language', () => {
    expect(Buffer.byteLength(en, 'utf8')).toBeGreaterThanOrEqual(40_000);
    expect(Buffer.byteLength(zh, 'utf8')).toBeGreaterThanOrEqual(40_000);
  });

  it('keeps English to ASCII and Chinese to fewer than 2,000 distinct characters', () => {
    expect(en).toMatch(/^[\x20-\x7e\n]+$/);
    expect(new Set(zh).size).toBeLessThan(2000);
    expect(zh.match(/[\u4e00-\u9fff]/g)?.length).toBeGreaterThan(12_000);
  });

  it('is short paragraphs separated by blank lines', () => {
    for (const text of [en, zh]) {
      const paragraphs = text.trim().split('\n\n');
      expect(paragraphs.length).toBeGreaterThan(100);
      for (const paragraph of paragraphs) {
        expect(paragraph).not.toContain('\n');
        expect(length(paragraph)).toBeLessThan(600);
      }
    }
  });
});
