import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListFilesTool, createReadFileTool } from './file-tools.js';
import { runToolCalls } from '@repo/core';
import { FileAccessError } from './tools-errors.js';
import type { FileAccessReason } from './tools-errors.js';
import { toolContext } from './__fixtures__/local-model.js';

const SECRET = 'OUTSIDE-SECRET-4711';
const CHINESE = '# 笔记\n你好，世界！第二行：杭州西湖。\n';
const MAX = 1024;
let base: string;
let root: string;

// base/outside/secret.txt must stay unreadable; base/root is what the tools may see.
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'repo-tools-'));
  root = path.join(base, 'root');
  await mkdir(path.join(base, 'outside'), { recursive: true });
  await writeFile(path.join(base, 'outside', 'secret.txt'), SECRET);
  await mkdir(path.join(root, 'docs'), { recursive: true });
  await writeFile(path.join(root, 'notes.md'), CHINESE);
  await writeFile(path.join(root, 'docs', 'guide.txt'), 'Step 1: read the guide.');
  await writeFile(path.join(root, 'exact.txt'), 'x'.repeat(MAX));
  await writeFile(path.join(root, 'big.log'), 'x'.repeat(MAX + 1));
  await writeFile(path.join(root, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]));
  await writeFile(path.join(root, 'latin1.txt'), Buffer.from('caf\xe9', 'latin1'));
  await writeFile(path.join(root, '.env'), 'API_KEY=sk-hidden');
  await symlink('notes.md', path.join(root, 'link-inside.md'));
  await symlink(path.join(base, 'outside', 'secret.txt'), path.join(root, 'link-out.txt'));
  await symlink(path.join(base, 'outside'), path.join(root, 'link-dir-out'));
  await symlink('.env', path.join(root, 'link-to-env.txt'));
  await symlink(root, path.join(base, 'root-link'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

const readFile = () => createReadFileTool({ root, maxBytes: MAX });
const read = (requested: string) => readFile().execute({ path: requested }, toolContext());

async function refusal(promise: Promise<unknown>, reason: FileAccessReason): Promise<string> {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FileAccessError);
  expect((error as FileAccessError).reason).toBe(reason);
  const { message } = error as Error;
  // A refusal never leaks the content or where the root lives on disk.
  expect(message).not.toContain(SECRET);
  expect(message).not.toContain(base);
  return message;
}

describe('readFile', () => {
  it('reads UTF-8 text, Chinese included, with its size in bytes', async () => {
    expect(await read('notes.md')).toEqual({
      path: 'notes.md',
      bytes: Buffer.byteLength(CHINESE),
      content: CHINESE,
    });
    expect(await read('docs/guide.txt')).toMatchObject({ path: 'docs/guide.txt' });
    expect(await read('./docs/../notes.md')).toMatchObject({ path: 'notes.md' });
    expect(await read('link-inside.md')).toEqual(await read('notes.md'));
    expect((await read('exact.txt')).bytes).toBe(MAX);
  });

  it('refuses paths that leave the root', async () => {
    expect(await refusal(read('../outside/secret.txt'), 'outside_root')).toBe(
      '"../outside/secret.txt" leaves the root folder; only files inside it can be read',
    );
    await refusal(read('docs/../../outside/secret.txt'), 'outside_root');
    await refusal(read('..'), 'outside_root');
  });

  it('refuses absolute paths, POSIX and Windows', async () => {
    const absolute = path.join(base, 'outside', 'secret.txt');
    const message = await readFile()
      .execute({ path: absolute }, toolContext())
      .catch((e: Error) => e.message);
    expect(message).toMatch(/is an absolute path; give a path relative to the root folder/);
    await refusal(read('/etc/passwd'), 'absolute_path');
    await refusal(read('C:\\Windows\\win.ini'), 'absolute_path');
    await refusal(read('\\\\server\\share\\x.txt'), 'absolute_path');
  });

  it('refuses symbolic links whose real path leaves the root', async () => {
    expect(await refusal(read('link-out.txt'), 'symlink_outside_root')).toBe(
      '"link-out.txt" is a symbolic link (or inside one) that leads outside the root folder',
    );
    await refusal(read('link-dir-out/secret.txt'), 'symlink_outside_root');
  });

  it('refuses hidden files, also through a link, unless allowed', async () => {
    expect(await refusal(read('.env'), 'hidden')).toBe(
      '".env" is a hidden file or folder (its name starts with "."); those are not shared',
    );
    await refusal(read('link-to-env.txt'), 'hidden');
    const open = createReadFileTool({ root, allowHidden: true });
    expect(await open.execute({ path: '.env' }, toolContext())).toMatchObject({
      content: 'API_KEY=sk-hidden',
    });
  });

  it('refuses folders, big files, binary and non-UTF-8 content, missing and empty paths', async () => {
    expect(await refusal(read('docs'), 'directory')).toBe(
      '"docs" is a folder, not a file; list it with listFiles',
    );
    expect(await refusal(read('big.log'), 'too_large')).toBe(
      '"big.log" is 1025 bytes; the limit is 1024 bytes (1 KiB)',
    );
    expect(await refusal(read('image.png'), 'binary')).toMatch(/is not UTF-8 text/);
    await refusal(read('latin1.txt'), 'binary');
    expect(await refusal(read('nope.md'), 'not_found')).toBe(
      'No file or folder "nope.md" in the root folder',
    );
    await refusal(read('  '), 'invalid_path');
    await refusal(read('a\0b'), 'invalid_path');
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO instead of blocking on it', async () => {
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    expect(await refusal(read('pipe'), 'not_a_file')).toBe('"pipe" is not a regular file');
  });

  it('works when the root itself is a symbolic link (macOS /tmp)', async () => {
    const viaLink = createReadFileTool({ root: path.join(base, 'root-link') });
    expect(await viaLink.execute({ path: 'notes.md' }, toolContext())).toMatchObject({
      content: CHINESE,
    });
    await expect(viaLink.execute({ path: 'link-out.txt' }, toolContext())).rejects.toThrow(
      /leads outside the root folder/,
    );
  });

  it('defaults to a 256 KiB limit and reports a missing root without its path', async () => {
    await writeFile(path.join(root, 'quarter.txt'), 'y'.repeat(256 * 1024 + 1));
    const standard = createReadFileTool({ root });
    await expect(standard.execute({ path: 'quarter.txt' }, toolContext())).rejects.toThrow(
      '"quarter.txt" is 262145 bytes; the limit is 262144 bytes (256 KiB)',
    );
    const gone = createReadFileTool({ root: path.join(base, 'missing') });
    await refusal(gone.execute({ path: 'a.txt' }, toolContext()), 'not_found');
  });

  it('sends refusals to the model as error results', async () => {
    const [result] = await runToolCalls(
      [
        {
          type: 'tool-call',
          id: 'c1',
          name: 'readFile',
          arguments: { path: '../outside/secret.txt' },
        },
      ],
      [readFile()],
    );
    expect(result).toMatchObject({
      isError: true,
      result:
        'Tool "readFile" failed: "../outside/secret.txt" leaves the root folder; only files inside it can be read',
    });
  });
});

describe('listFiles', () => {
  const list = (requested?: string, maxEntries?: number) =>
    createListFilesTool({ root, maxEntries }).execute(
      requested === undefined ? {} : { path: requested },
      toolContext(),
    );

  it('lists a folder sorted, without hidden entries', async () => {
    const listing = await list();
    expect(listing.path).toBe('.');
    expect(listing.truncated).toBe(false);
    expect(listing.entries.map((e) => e.name)).not.toContain('.env');
    expect(listing.entries.slice(0, 3)).toEqual([
      { name: 'big.log', type: 'file' },
      { name: 'docs', type: 'directory' },
      { name: 'exact.txt', type: 'file' },
    ]);
    expect(listing.entries).toContainEqual({ name: 'link-out.txt', type: 'symlink' });
    expect(await list('docs')).toEqual({
      path: 'docs',
      entries: [{ name: 'guide.txt', type: 'file' }],
      truncated: false,
    });
  });

  it('applies the same confinement and a cap on entries', async () => {
    await refusal(list('..'), 'outside_root');
    await refusal(list('link-dir-out'), 'symlink_outside_root');
    await refusal(list('/'), 'absolute_path');
    expect(await refusal(list('notes.md'), 'not_a_directory')).toBe(
      '"notes.md" is a file, not a folder; read it with readFile',
    );
    const capped = await list('.', 2);
    expect(capped.entries).toHaveLength(2);
    expect(capped.truncated).toBe(true);
  });
});
