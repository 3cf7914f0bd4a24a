// Streaming a ~30 MB file must not hold it: retained heap and external buffers, measured after a
// forced garbage collection every few thousand lines, stay a small fraction of the file's size.
// A reader that buffered the whole file (or kept its lines) would retain 30 MB or more.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLines } from './read-lines.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const LINES = 120_000;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ft-memory-'));
  file = join(dir, 'big.jsonl');
  const out = createWriteStream(file);
  const filler = '训练数据'.repeat(13);
  for (let i = 0; i < LINES; i += 1) {
    const row = `{"messages":[{"role":"user","content":"问题 ${i} ${filler}"},{"role":"assistant","content":"回答 ${i}"}]}\n`;
    if (!out.write(row)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const retained = () => {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

describe('readLines memory', () => {
  it('stays flat on a ~30 MB file', async () => {
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThan(28 * 1024 * 1024);
    const baseline = retained();
    let peak = 0;
    let lines = 0;
    let bytes = 0;
    for await (const line of readLines(file)) {
      lines += 1;
      bytes += line.bytes + 1;
      if (lines % 5000 === 0) peak = Math.max(peak, retained() - baseline);
    }
    expect(lines).toBe(LINES);
    expect(bytes).toBe(size);
    expect(peak).toBeLessThan(size / 10);
  });
});
