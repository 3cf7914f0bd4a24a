import { describe, expect, it } from 'vitest';
import { dedupe } from './dedupe.js';
import { normaliseRow } from './row-hash.js';
import { splitDataset, splitSideOf } from './split-dataset.js';

const rows = Array.from({ length: 1000 }, (_, i) =>
  JSON.stringify({
    messages: [
      { role: 'user', content: `第${i}个问题：${i}的平方是多少？` },
      { role: 'assistant', content: String(i * i) },
    ],
  }),
);

/** A fixed shuffle (a linear congruential generator), so the test is the same on every run. */
function shuffled(lines: string[]): string[] {
  const copy = [...lines];
  let state = 12345;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as string, copy[i] as string];
  }
  return copy;
}

describe('splitDataset', () => {
  it('puts the same rows on each side whatever the order, close to the fraction', () => {
    const split = splitDataset(rows, { validationFraction: 0.1, seed: 7 });
    const again = splitDataset(shuffled(rows), { validationFraction: 0.1, seed: 7 });
    expect(new Set(again.validation)).toEqual(new Set(split.validation));
    expect(new Set(again.train)).toEqual(new Set(split.train));
    expect(split.train.length + split.validation.length).toBe(1000);
    // Binomial(1000, 0.1): standard deviation 9.5, so 100 ± 30 is more than three of them.
    expect(split.validation.length).toBeGreaterThan(70);
    expect(split.validation.length).toBeLessThan(130);
  });

  it('keeps a row on its side when its keys are reordered, and moves rows with another seed', () => {
    const row =
      '{"messages":[{"role":"user","content":"你好"},{"role":"assistant","content":"你好！"}]}';
    const reordered =
      '{ "messages": [ {"content":"你好","role":"user"}, {"content":"你好！","role":"assistant"} ] }';
    expect(normaliseRow(reordered)).toBe(normaliseRow(row));
    for (const seed of [1, 2, 3])
      expect(splitSideOf(reordered, { validationFraction: 0.5, seed })).toBe(
        splitSideOf(row, { validationFraction: 0.5, seed }),
      );
    const bySeed = [1, 2].map(
      (seed) => splitDataset(rows, { validationFraction: 0.1, seed }).validation,
    );
    expect(bySeed[0]).not.toEqual(bySeed[1]);
  });

  it('refuses a fraction outside (0, 1) and names a line that is not JSON', () => {
    expect(() => splitDataset(rows, { validationFraction: 1 })).toThrow(
      'validationFraction must be a number greater than 0 and less than 1',
    );
    expect(() => splitDataset(['{"a":1}', '{oops'], { validationFraction: 0.2 })).toThrow(
      /^Line 2: row is not valid JSON/,
    );
  });
});

describe('dedupe', () => {
  it('keeps the first of each normalised row and reports what it dropped', () => {
    const a = '{"messages":[{"role":"user","content":"한국어와 中文"}]}';
    const aAgain = '{"messages": [{"content": "한국어와 中文", "role": "user"}]}';
    const b = '{"messages":[{"role":"user","content":"另一个问题"}]}';
    const aDecomposed = a.normalize('NFD'); // 한 as three jamo
    expect(aDecomposed).not.toBe(a);
    const result = dedupe([a, b, '', aAgain, b, aDecomposed]);
    expect(result.lines).toEqual([a, b]);
    expect(result.dropped).toBe(3);
    expect(result.duplicates).toEqual([
      { line: 4, sameAs: 1 },
      { line: 5, sameAs: 2 },
      { line: 6, sameAs: 1 },
    ]);
    expect(dedupe(rows).dropped).toBe(0);
  });
});
