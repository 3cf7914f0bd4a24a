// The confinement under a TOCTOU race: a worker swaps a file, or a folder on the path, between its
// real self and a symbolic link to something outside the root while reads run. Every read returns
// the inside content or a refusal; the outside content never comes back. Also: the byte bound.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPathConfinement } from './confine-path.js';
import { startPathSwapper } from './testing/path-swapper.js';
import { FileAccessError } from './tools-errors.js';

const SECRET = '机密 OUTSIDE-SECRET-9931';
const INSIDE = '笔记：西湖边的灯在晚上是琥珀色的。';
/**
 * Swaps to wait for during one race, and the most reads before giving up on that many. The
 * swapper is a worker thread: on a loaded 2-core machine it can get far fewer turns than the
 * reads, so the bar is one that every run reaches while still racing thousands of times.
 */
const SWAPS = 10_000;
const MAX_READS = 400_000;
let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'repo-tools-race-'));
  root = path.join(base, 'root');
  await mkdir(path.join(base, 'outside-dir'), { recursive: true });
  await mkdir(path.join(root, 'dir'), { recursive: true });
  await writeFile(path.join(base, 'secret.txt'), SECRET);
  await writeFile(path.join(base, 'outside-dir', 'note.txt'), SECRET);
  await writeFile(path.join(root, 'dir', 'note.txt'), INSIDE);
  await writeFile(path.join(root, 'swap.txt'), INSIDE);
});
afterAll(() => rm(base, { recursive: true, force: true }));

/** Reads `requested` while the swapper runs; returns the count of each outcome. */
async function raceReads(requested: string, swapper: ReturnType<typeof startPathSwapper>) {
  const confinement = createPathConfinement({ root });
  const outcomes = new Map<string, number>();
  const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  for (let reads = 0; reads < MAX_READS && swapper.swaps() < SWAPS; reads++) {
    try {
      const { bytes } = await confinement.readFile(requested, { maxBytes: 1024 });
      count(new TextDecoder().decode(bytes) === INSIDE ? 'inside' : 'OTHER CONTENT');
    } catch (error) {
      if (!(error instanceof FileAccessError)) throw error;
      expect(error.message).not.toContain(SECRET);
      count(error.reason);
    }
  }
  expect(await swapper.stop()).toBeGreaterThanOrEqual(SWAPS);
  return Object.fromEntries(outcomes);
}

describe('readFile under a swap race', () => {
  it('a file swapped with a link to an outside file: inside content or a refusal', async () => {
    const swapper = startPathSwapper({
      target: path.join(root, 'swap.txt'),
      outside: path.join(base, 'secret.txt'),
      kind: 'file',
      content: INSIDE,
    });
    const outcomes = await raceReads('swap.txt', swapper);
    expect(Object.keys(outcomes).sort()).toEqual(
      expect.arrayContaining(['inside', 'symlink_outside_root']),
    );
    for (const outcome of Object.keys(outcomes))
      expect(['inside', 'symlink_outside_root', 'changed', 'not_found']).toContain(outcome);
  });

  it('a folder on the path swapped with a link to an outside folder: never its file', async () => {
    const swapper = startPathSwapper({
      target: path.join(root, 'dir'),
      outside: path.join(base, 'outside-dir'),
      kind: 'directory',
    });
    const outcomes = await raceReads('dir/note.txt', swapper);
    expect(outcomes.inside).toBeGreaterThan(0);
    for (const outcome of Object.keys(outcomes))
      expect(['inside', 'symlink_outside_root', 'changed', 'not_found']).toContain(outcome);
  });
});

describe('readFile bounds', () => {
  it('reads up to maxBytes and refuses one byte more, in Chinese too', async () => {
    const text = '汉字'.repeat(100); // 600 bytes of UTF-8
    await writeFile(path.join(root, 'han.txt'), text);
    const confinement = createPathConfinement({ root });
    const { relative, bytes } = await confinement.readFile('han.txt', { maxBytes: 600 });
    expect(relative).toBe('han.txt');
    expect(new TextDecoder().decode(bytes)).toBe(text);
    const error = await confinement.readFile('han.txt', { maxBytes: 599 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      reason: 'too_large',
      message: '"han.txt" is 600 bytes; the limit is 599 bytes',
    });
  });

  it('refuses a folder, naming it as given', async () => {
    const error = await createPathConfinement({ root })
      .readFile('dir', { maxBytes: 10 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'directory', message: '"dir" is a folder, not a file' });
  });
});
